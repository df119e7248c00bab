package rewrite

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibrary rewrites x/sync's errgroup.go and semaphore.go in library
// mode (as the lead does to make sim/errgroup and sim/semaphore): the result
// must parse and keep its package name.
func TestLibrary(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "golang.org/x/sync").Output()
	if err != nil {
		t.Skipf("x/sync not found: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	for _, tc := range []struct{ desc, file, pkg string }{
		{"errgroup", "errgroup/errgroup.go", "errgroup"},
		{"semaphore", "semaphore/semaphore.go", "semaphore"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			twin, err := Rewrite(path, src, Options{Library: true})
			if err != nil {
				t.Fatalf("Rewrite: %v", err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), tc.file, twin, 0)
			if err != nil {
				t.Fatalf("twin does not parse: %v\n%s", err, twin)
			}
			if os.Getenv("REWRITE_DUMP") != "" {
				t.Logf("%s", twin)
			}
			if f.Name.Name != tc.pkg {
				t.Errorf("package = %s, want %s", f.Name.Name, tc.pkg)
			}
			if strings.Contains(string(twin), "sim.Step(") {
				t.Errorf("library twin has sim.Step calls")
			}
		})
	}
}
