package progbuild

import (
	"context"
	"errors"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// A build over its hard memory limit fails with a *LimitError that says
// so, at once, leaving nothing running; the service builds again after.
func TestBuildHardMemoryLimit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /bin/sh")
	}
	tests := []struct {
		desc   string
		opts   Options
		name   string
		method func(*Service, context.Context, string, []byte) error
	}{
		{desc: "a module build", opts: Options{MaxMemory: 64 << 20}, method: func(s *Service, ctx context.Context, name string, src []byte) error {
			_, err := s.Build(ctx, name, src)
			return err
		}},
		{desc: "a still's build", opts: Options{MaxMemory: 64 << 20}, method: func(s *Service, ctx context.Context, name string, src []byte) error {
			_, err := s.Still(ctx, name, src)
			return err
		}},
	}
	for _, tt := range tests {
		s := newService(t, tt.opts)
		err := tt.method(s, context.Background(), "main.go", []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"a program built under a tiny limit: "+tt.desc+"\") }\n"))
		var le *LimitError
		if !errors.As(err, &le) || !strings.Contains(le.Msg, "the build needed more than 64 MiB of memory and was stopped") {
			t.Errorf("%s under a 64 MiB limit: err = %v (%T), want a *LimitError that says so", tt.desc, err, err)
		}
		if entries, _ := os.ReadDir(s.opts.Cache); len(entries) > 1 { // .home at most
			t.Errorf("%s: the cache holds %d entries after a stopped build", tt.desc, len(entries))
		}
	}
}

// The go command runs under the limits, set by the shell before it
// becomes the go command.
func TestLimitedCommand(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no /bin/sh")
	}
	tests := []struct {
		desc string
		opts Options
		want []string
	}{
		{desc: "defaults", want: []string{"/bin/sh", "-c", `ulimit -d 1048576 && ulimit -t 600 && exec "$0" "$@"`, "GO"}},
		{desc: "memory only", opts: Options{MaxMemory: 64 << 20, MaxCPU: -1}, want: []string{"/bin/sh", "-c", `ulimit -d 65536 && exec "$0" "$@"`, "GO"}},
		{desc: "none", opts: Options{MaxMemory: -1, MaxCPU: -1}, want: []string{"GO"}},
		{desc: "CPU 90 s", opts: Options{MaxMemory: -1, MaxCPU: 90 * time.Second}, want: []string{"/bin/sh", "-c", `ulimit -t 90 && exec "$0" "$@"`, "GO"}},
	}
	for _, tt := range tests {
		s := newService(t, tt.opts)
		s.goCmd = "GO"
		if got := s.limitedCommand(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: limitedCommand = %q, want %q", tt.desc, got, tt.want)
		}
	}
}

// The errors of the limits name them.
func TestLimitError(t *testing.T) {
	s := newService(t, Options{})
	tests := []struct {
		desc, out, sig string
		want           string // "" for no *LimitError
	}{
		{desc: "the compiler out of memory", out: "# lanes/x\nfatal error: runtime: out of memory\n\ngoroutine 1 …", want: "more than 1 GiB of memory"},
		{desc: "the go command out of memory", out: "runtime: out of memory: cannot allocate 4194304-byte block\nfatal error: out of memory", want: "more than 1 GiB of memory"},
		{desc: "a compiler killed by SIGXCPU", out: "# lanes/x\ncompile: signal: CPU time limit exceeded", want: "more than 10m0s of CPU time"},
		{desc: "the go command killed by SIGXCPU", sig: "CPU time limit exceeded", want: "more than 10m0s of CPU time"},
		{desc: "a compiler that cannot get memory", out: "# runtime\nfatal error: runtime: cannot allocate memory", want: "more than 1 GiB of memory"},
		{desc: "a go command too small to start", sig: "segmentation fault", want: "more than 1 GiB of memory"},
		{desc: "a compile error", out: "main.go:4:2: declared and not used: x"},
	}
	for _, tt := range tests {
		err := s.limitError(tt.out, tt.sig)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: limitError = %q, want it to contain %q", tt.desc, got, tt.want)
		}
	}
}
