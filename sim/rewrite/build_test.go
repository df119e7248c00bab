package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mirrorsMissing lists the mirror packages a twin imports that do not exist
// (yet) in this module.
func mirrorsMissing(twin []byte) []string {
	var missing []string
	for _, m := range mirrors {
		dir := filepath.Join("..", strings.TrimPrefix(m.path, "lanes/sim/"))
		if strings.Contains(string(twin), `"`+m.path+`"`) {
			if _, err := os.Stat(dir); err != nil {
				missing = append(missing, m.path)
			}
		}
	}
	return missing
}

// TestBuildGoldens compiles every golden twin (one package each, under
// testdata/build, removed afterwards) with go build and go vet.
func TestBuildGoldens(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	root := filepath.Join("testdata", "build")
	t.Cleanup(func() { os.RemoveAll(root) })
	var pkgs []string
	for _, file := range goldenInputs(t) {
		golden := strings.TrimSuffix(file, ".go") + ".golden"
		twin, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if missing := mirrorsMissing(twin); len(missing) > 0 {
			t.Logf("%s: not built, mirrors missing: %v", golden, missing)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		dir := filepath.Join(root, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "twin.go"), twin, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, "./"+filepath.ToSlash(dir))
	}
	if len(pkgs) == 0 {
		t.Skip("no golden twin can be built yet")
	}
	for _, args := range [][]string{{"build"}, {"vet"}} {
		cmd := exec.Command("go", append(args, pkgs...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s on the golden twins: %v\n%s", args[0], err, out)
		}
	}
}

// TestPanicLine runs a rewritten program whose runtime panic must be
// reported at the shown file's line.
func TestPanicLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	src := "package main\n\nimport \"fmt\"\n\nfunc set(m map[string]int) {\n\tfmt.Println(\"setting\")\n\tm[\"x\"] = 1\n}\n\nfunc main() {\n\tset(nil)\n}\n"
	twin, err := Rewrite("prog.go", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if missing := mirrorsMissing(twin); len(missing) > 0 {
		t.Skipf("mirrors missing: %v", missing)
	}
	dir := filepath.Join("testdata", "build", "panicline")
	t.Cleanup(func() { os.RemoveAll(filepath.Join("testdata", "build")) })
	if err := os.MkdirAll(filepath.Join(dir, "twin"), 0o755); err != nil {
		t.Fatal(err)
	}
	runner := `package main

import (
	"fmt"

	"lanes/sim"
	"lanes/sim/rewrite/testdata/build/panicline/twin"
)

func main() {
	tr := sim.Run(twin.Main, sim.Options{Program: "prog.go"})
	fmt.Print(tr.Outcome.Stderr)
}
`
	for name, text := range map[string]string{"twin/twin.go": string(twin), "main.go": runner} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("go", "run", "./"+filepath.ToSlash(dir)).CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	t.Logf("%s", out)
	for _, want := range []string{"assignment to entry in nil map", "prog.go:7"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("panic report lacks %q:\n%s", want, out)
		}
	}
}
