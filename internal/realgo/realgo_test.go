package realgo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestKind(t *testing.T) {
	tests := []struct {
		desc   string
		code   int
		stderr string
		want   string
	}{
		{"zero exit", 0, "", KindOK},
		{"zero exit with stderr", 0, "panic: looks like one", KindOK},
		{"panic", 2, "panic: boom\n\ngoroutine 1 [running]:", KindPanic},
		{"deadlock", 2, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:", KindDeadlock},
		{"other fatal error", 2, "fatal error: concurrent map writes", KindFatal},
		{"os.Exit", 3, "leaving", KindExit},
		{"timeout", -1, "timeout after 1s", KindTimeout},
	}
	for _, tt := range tests {
		if got := Kind(tt.code, tt.stderr); got != tt.want {
			t.Errorf("%s: Kind(%d, %q) = %q, want %q", tt.desc, tt.code, tt.stderr, got, tt.want)
		}
	}
}

func TestFirstLines(t *testing.T) {
	tests := []struct {
		desc, in string
		n        int
		want     string
	}{
		{"empty", "", 3, ""},
		{"fewer lines than n", "a\nb\n", 3, "a\nb"},
		{"cut to n", "a\n\nc\nd\n", 3, "a\n\nc"},
		{"one line", "panic: x\ngoroutine 1", 1, "panic: x"},
	}
	for _, tt := range tests {
		if got := firstLines(tt.in, tt.n); got != tt.want {
			t.Errorf("%s: firstLines(%q, %d) = %q, want %q", tt.desc, tt.in, tt.n, got, tt.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	ok := Result{Stdout: "a\n", Kind: KindOK}
	other := Result{Stdout: "b\n", Kind: KindOK}
	crash1 := Result{Stdout: "a\n", Stderr: "panic: x\n\ngoroutine 6 [running]:", ExitCode: 2, Kind: KindPanic}
	crash2 := Result{Stdout: "a\n", Stderr: "panic: x\n\ngoroutine 9 [running]:", ExitCode: 2, Kind: KindPanic}
	got := Summarize([]Result{other, crash1, ok, crash2, ok, ok})
	want := []Outcome{
		{Stdout: "a\n", Kind: KindOK, Count: 3},
		{Stdout: "a\n", Stderr: "panic: x", ExitCode: 2, Kind: KindPanic, Count: 2},
		{Stdout: "b\n", Kind: KindOK, Count: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("Summarize: got %d outcomes %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Summarize: outcome %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := Summarize(nil); len(got) != 0 {
		t.Errorf("Summarize(nil) = %+v, want none", got)
	}
}

func TestHash(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package main\n")
	h1, err := Hash(file)
	if err != nil {
		t.Fatalf("Hash(file): %v", err)
	}
	hd, err := Hash(dir)
	if err != nil {
		t.Fatalf("Hash(dir): %v", err)
	}
	if h1 != hd {
		t.Errorf("Hash of a one-file dir = %s, want the file's hash %s", hd, h1)
	}
	write("package main\n\nfunc main() {}\n")
	if h2, _ := Hash(file); h2 == h1 {
		t.Errorf("Hash did not change when the file changed")
	}
	if _, err := Hash(t.TempDir()); err == nil {
		t.Errorf("Hash of a dir without .go files: want an error")
	}
}

func TestBuildAndRun(t *testing.T) {
	CacheDir = t.TempDir()
	tests := []struct {
		desc, file string
		timeout    time.Duration
		want       Outcome
	}{
		{"ok", "ok.go", time.Minute, Outcome{Stdout: "hello\n", Kind: KindOK}},
		{"panic", "panic.go", time.Minute, Outcome{Stdout: "before\n", Stderr: "panic: boom", ExitCode: 2, Kind: KindPanic}},
		{"deadlock", "deadlock.go", time.Minute, Outcome{Stderr: "fatal error: all goroutines are asleep - deadlock!", ExitCode: 2, Kind: KindDeadlock}},
		{"os.Exit", "exit3.go", time.Minute, Outcome{Stderr: "leaving", ExitCode: 3, Kind: KindExit}},
		{"timeout", "hang.go", 300 * time.Millisecond, Outcome{Stderr: "timeout after 300ms", ExitCode: -1, Kind: KindTimeout}},
	}
	for _, tt := range tests {
		bin, err := Build(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatalf("%s: Build: %v", tt.desc, err)
		}
		again, err := Build(filepath.Join("testdata", tt.file))
		if err != nil || again != bin {
			t.Errorf("%s: second Build = %q, %v; want the cached %q", tt.desc, again, err, bin)
		}
		for _, par := range []int{1, 2} {
			rs, err := RunWith(bin, Options{GOMAXPROCS: 1, Runs: 2, Timeout: tt.timeout, Parallel: par})
			if err != nil {
				t.Fatalf("%s: RunWith: %v", tt.desc, err)
			}
			got := Summarize(rs)
			want := tt.want
			want.Count = 2
			if len(got) != 1 || got[0] != want {
				t.Errorf("%s (parallel %d): outcomes %+v, want [%+v]", tt.desc, par, got, want)
			}
		}
	}
}

func TestBuildError(t *testing.T) {
	CacheDir = t.TempDir()
	_, err := Build(filepath.Join("testdata", "broken.go"))
	if err == nil || !strings.Contains(err.Error(), "undefined: undefinedThing") {
		t.Errorf("Build(broken.go) error = %v, want the compiler's message", err)
	}
}

func TestVet(t *testing.T) {
	tests := []struct {
		desc, file string
		want       []string // finding messages
		wantErr    bool
	}{
		{"clean", "ok.go", nil, false},
		{"printf finding", "vetme.go", []string{"fmt.Printf format %d has arg \"not a number\" of wrong type string"}, false},
		{"compile error", "broken.go", nil, true},
	}
	for _, tt := range tests {
		fs, err := Vet(filepath.Join("testdata", tt.file))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: Vet error = %v, want error: %v", tt.desc, err, tt.wantErr)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Message)
			if f.File != tt.file || f.Line == 0 {
				t.Errorf("%s: finding at %s:%d, want a line in %s", tt.desc, f.File, f.Line, tt.file)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Vet findings %q, want %q", tt.desc, got, tt.want)
		}
	}
}
