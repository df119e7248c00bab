//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lanes build refuses bad programs with their message and exit status 1,
// and writes nothing.
func TestBuildRefuses(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	tests := []struct {
		desc string
		src  string // "" with no file: no program given
		args []string
		want string
	}{
		{desc: "no program", args: []string{"build"}, want: "no program given"},
		{desc: "missing file", args: []string{"build", filepath.Join(dir, "nope.go")}, want: "no such file"},
		{desc: "unsupported import", src: "package main\n\nimport \"net\"\n\nfunc main() { _ = net.Dial }\n",
			want: "bad.go:3:8: import \"net\" is not supported yet"},
		{desc: "empty", src: "\n", want: "bad.go: the program is empty"},
		{desc: "extra argument", src: "package main\nfunc main() {}\n", args: []string{"build", filepath.Join(dir, "bad.go"), "x"},
			want: "unexpected argument"},
	}
	for _, tt := range tests {
		args := tt.args
		if tt.src != "" {
			if err := os.WriteFile(filepath.Join(dir, "bad.go"), []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			if args == nil {
				args = []string{"build", filepath.Join(dir, "bad.go"), "-o", filepath.Join(dir, "bad.wasm")}
			}
		}
		var out, errb bytes.Buffer
		stdout, stderr = &out, &errb
		code := run(args)
		stdout, stderr = os.Stdout, os.Stderr
		if code != 1 || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", tt.desc, code, errb.String(), tt.want)
		}
		if _, err := os.Stat(filepath.Join(dir, "bad.wasm")); err == nil {
			t.Errorf("%s: a module was written", tt.desc)
		}
	}
}
