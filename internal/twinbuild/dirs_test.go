package twinbuild

import (
	"os/exec"
	"path"
	"strings"
	"testing"
)

// Every package of the module that a program module or a still is built
// from lies under the directories its cache key hashes: otherwise a
// change there (say, to lanes/minjson) would leave a stale module cached
// under the old key.
func TestSourceDirsCoverDeps(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc string
		pkg  string
		dirs []string
	}{
		{desc: "a program module", pkg: "lanes/internal/progwasm", dirs: ProgramDirs},
		{desc: "a still or a twin executable", pkg: "lanes/internal/progmain", dirs: StillDirs},
	}
	for _, tt := range tests {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", tt.pkg)
		cmd.Dir = root
		cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: go list: %v", tt.desc, err)
		}
		for _, p := range strings.Fields(string(out)) {
			rel, ok := strings.CutPrefix(p, "lanes/")
			if !ok {
				continue // another module's: go.sum is hashed
			}
			if !covered(rel, tt.dirs) {
				t.Errorf("%s: %s is built in but not under %q", tt.desc, p, tt.dirs)
			}
		}
	}
}

func covered(rel string, dirs []string) bool {
	for _, d := range dirs {
		if rel == d || strings.HasPrefix(rel, path.Clean(d)+"/") {
			return true
		}
	}
	return false
}
