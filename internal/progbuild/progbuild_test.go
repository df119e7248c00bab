package progbuild

import (
	"context"
	"errors"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// newService returns a Service with its own cache.
func newService(t *testing.T, opts Options) *Service {
	t.Helper()
	if opts.Cache == "" {
		opts.Cache = t.TempDir()
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Bad input gets a *ProgramError with a clear message, placed at its line
// and column when it has one, and never reaches the go command.
func TestBadPrograms(t *testing.T) {
	s := newService(t, Options{})
	tests := []struct {
		desc, name, src string
		want            string // in the message
		line, col       int    // of the first Diag (0: none wanted)
	}{
		{desc: "empty", src: "", want: "main.go: the program is empty", line: 1, col: 1},
		{desc: "blank", src: "\n\n  \n", want: "the program is empty", line: 1, col: 1},
		{desc: "65 KiB", src: "package main\nfunc main() {}\n//" + strings.Repeat("x", 65<<10), want: "at most 65536 bytes (64 KiB)"},
		{desc: "invalid UTF-8", src: "package main\n\nfunc main() { println(\"\xff\") }\n", want: "main.go:3:24: invalid UTF-8", line: 3, col: 24},
		{desc: "not package main", src: "package foo\n\nfunc main() {}\n", want: "main.go:1:", line: 1},
		{desc: "no func main", src: "package main\n\nfunc f() {}\n", want: "main.go: function main is undeclared in the main package"},
		{desc: "syntax error", src: "package main\n\nfunc main() {\n\tx :=\n}\n", want: "main.go:5:1: ", line: 5, col: 1},
		{desc: "type error", src: "package main\n\nfunc main() {\n\tvar x int = \"s\"\n\t_ = x\n}\n", want: "main.go:4:14: ", line: 4, col: 14},
		{desc: "unsupported import", src: "package main\n\nimport \"net/http\"\n\nfunc main() { _ = http.Get }\n",
			want: "main.go:3:8: import \"net/http\" is not supported yet", line: 3, col: 8},
		{desc: "unsafe", src: "package main\n\nimport \"unsafe\"\n\nfunc main() { _ = unsafe.Sizeof(1) }\n", want: "is not supported yet", line: 3},
		{desc: "a name that is a path", name: "../x.go", src: "package main\nfunc main(){}\n", want: "not a file name"},
		{desc: "a name that is not Go", name: "main.c", src: "package main\nfunc main(){}\n", want: "not a file name"},
	}
	for _, tt := range tests {
		name := tt.name
		if name == "" {
			name = "main.go"
		}
		_, err := s.Build(context.Background(), name, []byte(tt.src))
		var pe *ProgramError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v (%T), want a *ProgramError", tt.desc, err, err)
			continue
		}
		if !strings.Contains(pe.Msg, tt.want) {
			t.Errorf("%s: message %q, want it to hold %q", tt.desc, pe.Msg, tt.want)
		}
		if tt.line > 0 {
			if len(pe.Diags) == 0 || pe.Diags[0].Line != tt.line || (tt.col > 0 && pe.Diags[0].Col != tt.col) {
				t.Errorf("%s: diags %+v, want the first at %d:%d", tt.desc, pe.Diags, tt.line, tt.col)
			}
		}
	}
	es, _ := os.ReadDir(s.Options().Cache)
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") { // .home is the go command's
			t.Errorf("a bad program left the cache entry %s", e.Name())
		}
	}
}

func TestDiags(t *testing.T) {
	tests := []struct {
		desc, msg string
		want      []Diag
	}{
		{desc: "line and column", msg: "main.go:3:5: undefined: x", want: []Diag{{3, 5, "undefined: x"}}},
		{desc: "line only", msg: "main.go:7: oops", want: []Diag{{7, 0, "oops"}}},
		{desc: "several, with other lines", msg: "main.go:1:1: a\nnote: see\nprog.go:2:3: b", want: []Diag{{1, 1, "a"}, {2, 3, "b"}}},
		{desc: "none", msg: "something else", want: nil},
	}
	for _, tt := range tests {
		if got := Diags(tt.msg); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Diags = %+v, want %+v", tt.desc, got, tt.want)
		}
	}
}

// Acquire lets MaxBuilds run, MaxQueue wait, and refuses the rest at once.
func TestAcquire(t *testing.T) {
	s := newService(t, Options{MaxBuilds: 1, MaxQueue: 1})
	ctx := context.Background()
	release, err := s.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan error, 1)
	go func() {
		r, err := s.Acquire(ctx)
		if err == nil {
			r()
		}
		got <- err
	}()
	for i := 0; ; i++ { // until the second one waits
		s.mu.Lock()
		w := s.waiting
		s.mu.Unlock()
		if w == 1 {
			break
		}
		if i > 1_000_000 {
			t.Fatal("the second Acquire never waited")
		}
		runtime.Gosched()
	}
	_, err = s.Acquire(ctx)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Builds != 1 || busy.Queue != 1 {
		t.Errorf("third Acquire: err = %v, want *BusyError{1, 1}", err)
	}
	release()
	release() // a second release is a no-op
	if err := <-got; err != nil {
		t.Errorf("the waiting Acquire: %v", err)
	}
	// A waiter whose context ends gives up.
	release, _ = s.Acquire(ctx)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Acquire(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Acquire: err = %v, want context.Canceled", err)
	}
	release()
}

// The build sees only its own environment.
func TestBuildEnv(t *testing.T) {
	t.Setenv("LANES_SECRET_FOR_TEST", "s3cret")
	s := newService(t, Options{})
	for _, kv := range s.env {
		if strings.Contains(kv, "s3cret") {
			t.Errorf("the build's environment holds %q", kv)
		}
	}
	want := []string{"GOPROXY=off", "GOFLAGS=-mod=mod -buildvcs=false", "GOTOOLCHAIN=local", "GOOS=js", "GOARCH=wasm", "GOMEMLIMIT=" + BuildMemLimit}
	for _, w := range want {
		if !slices.Contains(s.env, w) {
			t.Errorf("the build's environment lacks %s: %q", w, s.env)
		}
	}
}

func TestLookup(t *testing.T) {
	s := newService(t, Options{})
	for _, key := range []string{"", "../../etc", strings.Repeat("0", 64), strings.Repeat("g", 64)} {
		if _, err := s.Lookup(key); !errors.Is(err, ErrNotFound) {
			t.Errorf("Lookup(%q): err = %v, want ErrNotFound", key, err)
		}
	}
}

// A build over its time limit is stopped with a *TimeoutError and leaves
// no cache entry.
func TestTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("rewrites with the go command")
	}
	s := newService(t, Options{Timeout: 1}) // 1ns: over before it starts
	_, err := s.Build(context.Background(), "main.go", []byte("package main\n\nfunc main() {}\n"))
	var te *TimeoutError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "took longer than 1ns") {
		t.Errorf("err = %v (%T), want a *TimeoutError", err, err)
	}
	es, _ := os.ReadDir(s.Options().Cache)
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a stopped build left %s", e.Name())
		}
	}
}
