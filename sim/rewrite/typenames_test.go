package rewrite

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTypeNamesSayMain: a twin of package main (Options.Package "main",
// as twinbuild makes them) prints the program's types as Go does,
// main.Point rather than twin.Point, and its main (renamed, references
// included) still runs as the program's.
func TestTypeNamesSayMain(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	src := `package main

import "fmt"

type Point struct{ X, Y int }

type code string

var again = false

func main() {
	p := Point{1, 2}
	fmt.Printf("%T %#v %v\n", p, p, p)
	fmt.Printf("%T %T\n", &p, code("x"))
	if again {
		again = false
		main()
	}
	defer fmt.Println("deferred")
	panic(code("boom"))
}
`
	twin, err := Rewrite("prog.go", []byte(src), Options{Package: "main"})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "build", "typenames")
	t.Cleanup(func() { os.RemoveAll(filepath.Join("testdata", "build")) })
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	runner := `package main

import (
	gofmt "fmt"

	"lanes/sim"
)

func main() {
	tr := sim.Run(Main, sim.Options{Program: "prog.go"})
	gofmt.Print(tr.Outcome.Output, tr.Outcome.Stderr)
}
`
	for name, text := range map[string]string{"twin.go": string(twin), "runner.go": runner} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("go", "run", "./"+filepath.ToSlash(dir)).CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	want := "main.Point main.Point{X:1, Y:2} {1 2}\n*main.Point main.code\ndeferred\npanic: main.code(\"boom\")\n"
	if got := string(out); !strings.HasPrefix(got, want) {
		t.Errorf("output:\n%s\nwant it to start with:\n%s", got, want)
	}
}
