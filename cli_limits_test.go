//go:build !wasm

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A program that goes over a limit ends with one line that says which.
func TestTwinCommandLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds twins with the go command")
	}
	tests := []struct {
		desc   string
		src    string // func main and what it needs; imports fmt
		args   []string
		stdout int    // bytes
		stderr string // first line
		linux  bool
	}{
		{desc: "one huge allocation", src: "func main() {\n\ts := make([]int, 1<<33)\n\tfmt.Println(len(s))\n}\n",
			stderr: "lanes: stopped: the program used more than 512 MiB of memory", linux: true},
		{desc: "a smaller memory limit", src: "func main() {\n\tvar keep [][]byte\n\tfor i := 0; i < 1000; i++ {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n\tfmt.Println(len(keep))\n}\n",
			args: []string{"-max-memory", "100MiB"}, stderr: "lanes: stopped: the program used more than 100 MiB of memory"},
		{desc: "deep recursion", src: "func depth(n int) int { return depth(n+1) + 1 }\n\nfunc main() { fmt.Println(depth(0)) }\n",
			args: []string{"-max-stack", "1MiB"}, stderr: "lanes: stopped: a goroutine's stack went over 1 MiB (deep recursion?)"},
		{desc: "output", src: "func main() {\n\tfor {\n\t\tfmt.Println(\"spam, spam, spam\")\n\t}\n}\n",
			stdout: 1 << 20, stderr: "lanes: stopped: output over 1 MiB"},
	}
	defer func(o, e io.Writer) { stdout, stderr = o, e }(stdout, stderr)
	for _, tt := range tests {
		if tt.linux && runtime.GOOS != "linux" {
			continue
		}
		prog := filepath.Join(t.TempDir(), "limit.go")
		if err := os.WriteFile(prog, []byte("package main\n\nimport \"fmt\"\n\n"+tt.src), 0o644); err != nil {
			t.Fatal(err)
		}
		var o, e bytes.Buffer
		stdout, stderr = &o, &e
		code := run(append(append([]string{"trace"}, tt.args...), prog))
		first, _, _ := strings.Cut(e.String(), "\n")
		if code != 2 || first != tt.stderr || strings.Contains(e.String(), "goroutine 1 [") {
			t.Errorf("%s: exit status %d, stderr %.300q; want 2 and the line %q", tt.desc, code, e.String(), tt.stderr)
		}
		if o.Len() != tt.stdout {
			t.Errorf("%s: %d bytes of stdout, want %d", tt.desc, o.Len(), tt.stdout)
		}
	}
}
