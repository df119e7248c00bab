//go:build !wasm

package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The rooms and the direction of their imports (DESIGN.md, "Layout"):
//
//	sim (engine, mirrors, sim/trace, sim/rewrite) <- course <- app
//	timeline (sim/trace only) <- course
//	internal/site <- course (and app, but see below)
//
// sim, course, timeline and internal/site never depend on go-app or
// syscall/js, not even through another package: internal/site is handed
// go-app's prerendering handler by package main. sim, course and timeline
// never import net/http.
var layoutRules = []struct {
	pkg     string   // a package, or a tree with "/..."
	mayNot  []string // import paths (or trees with "/...") it must not import directly
	noDeps  []string // what must not be among its dependencies at all
	onlyMod []string // if set: the only module packages it may import
}{
	{pkg: "lanes/sim/...", mayNot: []string{"lanes/course/...", "lanes/app/...", "lanes/timeline/...", "lanes/internal/site", "net/http"},
		noDeps: []string{goApp, "syscall/js"}},
	{pkg: "lanes/timeline", onlyMod: []string{"lanes/sim/trace"}, mayNot: []string{"net/http"}, noDeps: []string{goApp, "syscall/js"}},
	{pkg: "lanes/course", mayNot: []string{"lanes/app", "lanes/internal/site", "net/http"}, noDeps: []string{goApp, "syscall/js"}},
	{pkg: "lanes/internal/site", mayNot: []string{"lanes/app"}, noDeps: []string{goApp, "syscall/js"}},
	{pkg: "lanes/app", mayNot: []string{"lanes/internal/site", "net/http"}},
	// A program module holds the simulator, a twin and this bridge only.
	{pkg: "lanes/internal/progwasm", onlyMod: []string{"lanes/sim", "lanes/sim/os", "lanes/sim/trace"}, mayNot: []string{"net/http"}, noDeps: []string{goApp}},
	{pkg: "lanes/internal/progbuild", mayNot: []string{"lanes/app/...", "lanes/internal/site"}, noDeps: []string{goApp, "syscall/js"}},
	{pkg: "lanes/internal/snippets", onlyMod: []string{}, noDeps: []string{goApp, "syscall/js", "net/http"}},
}

const goApp = "github.com/maxence-charriere/go-app/..."

// matches reports whether path is pattern or, for "x/...", in the tree x.
func matches(pattern, path string) bool {
	if tree, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == tree || strings.HasPrefix(path, tree+"/")
	}
	return path == pattern
}

// moduleImports parses the imports of every non-test Go file of the
// module (all build tags), by package path.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	imports := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch {
			case d.Name() == "testdata" || d.Name() == ".git" || d.Name() == "node_modules",
				p == "build" || p == "e2e" || p == "site": // generated copies, other rules, `make static`'s output
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := "lanes"
		if dir := filepath.ToSlash(filepath.Dir(p)); dir != "." {
			pkg += "/" + dir
		}
		if _, ok := imports[pkg]; !ok {
			imports[pkg] = nil
		}
		for _, im := range f.Imports {
			path, _ := strconv.Unquote(im.Path.Value)
			if !slices.Contains(imports[pkg], path) {
				imports[pkg] = append(imports[pkg], path)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return imports
}

// deps are pkg's dependencies: everything it imports, transitively through
// the module's packages (outside packages are listed, not followed).
func deps(imports map[string][]string, pkg string) map[string]bool {
	seen := map[string]bool{}
	var visit func(string)
	visit = func(p string) {
		for _, im := range imports[p] {
			if !seen[im] {
				seen[im] = true
				visit(im)
			}
		}
	}
	visit(pkg)
	return seen
}

func TestLayout(t *testing.T) {
	imports := moduleImports(t)
	for _, pkg := range []string{"lanes/sim", "lanes/course", "lanes/timeline", "lanes/app", "lanes/internal/site"} {
		if _, ok := imports[pkg]; !ok {
			t.Fatalf("package %s not found: the layout test is out of date", pkg)
		}
	}
	for _, r := range layoutRules {
		for pkg, ims := range imports {
			if !matches(r.pkg, pkg) {
				continue
			}
			for _, im := range ims {
				for _, bad := range r.mayNot {
					if matches(bad, im) {
						t.Errorf("%s imports %s (the rule for %s forbids %s)", pkg, im, r.pkg, bad)
					}
				}
				if r.onlyMod != nil && matches("lanes/...", im) && !slices.Contains(r.onlyMod, im) {
					t.Errorf("%s imports %s; it may import only %v of the module", pkg, im, r.onlyMod)
				}
			}
			for dep := range deps(imports, pkg) {
				for _, bad := range r.noDeps {
					if matches(bad, dep) {
						t.Errorf("%s depends on %s (the rule for %s forbids it)", pkg, dep, r.pkg)
					}
				}
			}
		}
	}
}

// The rules catch what they are about.
func TestLayoutRulesBite(t *testing.T) {
	imports := map[string][]string{
		"lanes/internal/site": {"lanes/course", "lanes/x"},
		"lanes/x":             {"github.com/maxence-charriere/go-app/v10/pkg/app"},
	}
	if !deps(imports, "lanes/internal/site")["github.com/maxence-charriere/go-app/v10/pkg/app"] {
		t.Errorf("go-app through another package is not among internal/site's dependencies")
	}
	if !matches("lanes/sim/...", "lanes/sim/trace") || matches("lanes/sim/...", "lanes/simx") || !matches("lanes/app", "lanes/app") || matches("lanes/app", "lanes/app/lessons") {
		t.Errorf("matches is wrong")
	}
}

// The same, as the go command sees it (build tags of this platform).
func TestGoListDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./course", "./timeline", "./sim/...", "./internal/site").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if matches(goApp, p) || p == "syscall/js" {
			t.Errorf("go list -deps ./course ./timeline ./sim/... ./internal/site lists %s", p)
		}
	}
}
