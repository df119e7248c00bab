package twinbuild

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lanes/sim/rewrite"
)

// useTempCache points the twin cache at a fresh temporary directory.
func useTempCache(t *testing.T) {
	t.Helper()
	t.Setenv("LANES_TWIN_CACHE", t.TempDir())
}

func write(t *testing.T, name, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const hello = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { fmt.Println("hello from a goroutine") })
	wg.Wait()
	panic("the end")
}
`

func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	useTempCache(t)
	path := write(t, "hello.go", hello)
	exe, err := Build(path)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	cmd := exec.Command(exe, "trace")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 {
		t.Errorf("run: %v, want exit status 2 (a panic)", err)
	}
	if got, want := stdout.String(), "hello from a goroutine\n"; got != want {
		t.Errorf("stdout = %q, want %q", got, want)
	}
	// The panic reports the shown file's name and line.
	for _, want := range []string{"panic: the end\n", "hello.go:12"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}

	// Cached: same executable, not rebuilt.
	fi, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Build(path)
	if err != nil {
		t.Fatalf("second build: %v", err)
	}
	fi2, err := os.Stat(again)
	if err != nil {
		t.Fatal(err)
	}
	if again != exe || !fi2.ModTime().Equal(fi.ModTime()) {
		t.Errorf("second build = %s (modified %v), want the cached %s (%v)", again, fi2.ModTime(), exe, fi.ModTime())
	}

	// Another shown name is another program (panics name the file).
	other, err := BuildSource("other.go", []byte(hello))
	if err != nil {
		t.Fatalf("build other.go: %v", err)
	}
	if other == exe {
		t.Errorf("other.go shares the executable of hello.go")
	}
}

func TestBuildErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks with the go command")
	}
	useTempCache(t)
	tests := []struct {
		desc, name, src, want string
	}{
		{desc: "type error", name: "bad.go",
			src:  "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1\n\tfmt.Println(\"hi\")\n}\n",
			want: "bad.go:6:2: declared and not used: x"},
		{desc: "syntax error", name: "syntax.go",
			src:  "package main\n\nfunc main() {\n\tfor {\n}\n",
			want: "syntax.go:5:3: expected '}', found 'EOF'"},
		{desc: "unsupported import", name: "web.go",
			src:  "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() {\n\tfmt.Println(http.StatusOK)\n}\n",
			want: `web.go:5:2: import "net/http" is not supported yet` + "\n" + rewrite.SupportedHint},
		{desc: "a member a mirror lacks", name: "readfile.go",
			src:  "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tb, err := os.ReadFile(\"x\")\n\tfmt.Println(b, err)\n}\n",
			want: "readfile.go:9:15: os.ReadFile is not supported yet\n" + rewrite.SupportedHint},
	}
	for _, tt := range tests {
		_, err := Build(write(t, tt.name, tt.src))
		var pe *ProgramError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v (%T), want a *ProgramError", tt.desc, err, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %q, want it to contain %q", tt.desc, err, tt.want)
		}
	}
	if _, err := Build(filepath.Join(t.TempDir(), "missing.go")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want not exist", err)
	}
}

func TestRoot(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatalf("Root: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "sim", "run.go")); err != nil {
		t.Errorf("Root = %s, not the lanes repository: %v", root, err)
	}
	t.Setenv("LANES_ROOT", t.TempDir())
	if _, err := Root(); err == nil || !strings.Contains(err.Error(), "LANES_ROOT") {
		t.Errorf("Root with LANES_ROOT elsewhere: err = %v, want one naming LANES_ROOT", err)
	}
}

func TestCompileMessage(t *testing.T) {
	root := filepath.FromSlash("/src/lanes")
	v := filepath.FromSlash(overlayDir)
	tests := []struct{ desc, out, want string }{
		{desc: "relative path with //line name",
			out:  "# lanes/" + overlayDir + "/twin\n" + filepath.Join(v, "twin", "prog.go") + ":7:2: undefined: x\n",
			want: "prog.go:7:2: undefined: x"},
		{desc: "dot-relative", out: "." + string(filepath.Separator) + filepath.Join(v, "twin", "prog.go") + ":3:1: oops\n",
			want: "prog.go:3:1: oops"},
		{desc: "absolute", out: filepath.Join(root, v, "main.go") + ":9:1: bad main\n", want: "main.go:9:1: bad main"},
		{desc: "nothing useful", out: "# lanes/x\n", want: "prog.go: does not compile"},
		{desc: "a member a mirror lacks", out: filepath.Join(v, "twin", "prog.go") + ":7:9: undefined: os.Pipe\n",
			want: "prog.go:7:9: os.Pipe is not supported yet"},
		{desc: "a mirror's path", out: filepath.Join(v, "twin", "prog.go") + ":7:9: cannot use f (variable of type *lanes/sim/os.File) as T value\n",
			want: "prog.go:7:9: cannot use f (variable of type *os.File) as T value"},
	}
	for _, tt := range tests {
		if got := compileMessage(tt.out, root, "prog.go"); got != tt.want {
			t.Errorf("%s: compileMessage = %q, want %q", tt.desc, got, tt.want)
		}
	}
}
