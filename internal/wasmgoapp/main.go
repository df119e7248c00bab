// Command wasmgoapp prepares the go-app that the browser build compiles:
// go-app at the version go.mod requires, without its server half.
//
// go-app's package app holds both halves of a go-app program: the
// components that run in the browser and the http.Handler that serves
// them. Its http.go (the Handler) and resource.go (LocalDir embeds an
// http.FileServer) import net/http, and every package net/http imports
// comes along into the wasm with its package initialisation: crypto/tls,
// crypto/x509, the FIPS module's elliptic curves, RSA, ML-KEM… The linker
// cannot drop a package's init, so about 0.34 MB of the 1.66 MB (brotli)
// app.wasm was code the browser never ran.
//
// wasmgoapp copies go-app's module from the module cache into a folder
// and, in that copy:
//   - deletes pkg/app/http.go (the browser code never names app.Handler; a
//     program that did would fail to compile, not misbehave);
//   - edits pkg/app/resource.go so LocalDir's resolver no longer embeds an
//     http.FileServer (only the Handler serves through it);
//   - edits pkg/app/wasm.go's GenerateStaticWebsite stub, which panics in
//     the browser anyway, to take its handler as any;
//   - edits pkg/app/route.go so the router matches RouteWithRegexp's
//     patterns with routematch.go (package routematch, copied in beside
//     it) instead of package regexp: regexp, regexp/syntax and the Unicode
//     tables they hold were about 0.1 MB brotli for three routes;
//   - deletes pkg/app/crypto.go and edits context.go and state.go so that
//     nocrypto.go (package nocrypto, copied in) stands in for it and for
//     github.com/google/uuid: no crypto/rand, AES, GCM, MD5… in the wasm
//     for an encryption of persisted states that Lanes never uses.
//   - edits pkg/app/node.go to escape text with a strings.Replacer
//     instead of html.EscapeString: package html's init builds its entity
//     tables (2,200 names) in every program that imports it, about 15 KB
//     brotli for five escapes;
//   - edits the files of packages app and errors that import
//     encoding/json to import lanes/minjson instead (Lanes' packages in
//     the browser use it too: one small JSON instead of encoding/json's
//     0.2 MB of code, see minjson's doc).
//
// Each edit is an exact text replacement that must match once: a go-app
// update that changes these lines stops the build with a message instead
// of building something else. It then writes a go.mod for the browser
// build: the module's own, plus a replace of go-app by the copy (go.sum is
// copied beside it). The server build (`go run . serve`, `lanes static`)
// and every test use go-app unchanged.
//
// Usage (the Makefile's wasm target):
//
//	go run ./internal/wasmgoapp -o build/wasm
//	GOOS=js GOARCH=wasm go build -modfile=build/wasm/go.mod …
package main

import (
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// goappModule is the module wasmgoapp edits.
const goappModule = "github.com/maxence-charriere/go-app/v10"

// An edit replaces old by new in a file of the module; old must occur once.
type edit struct{ old, new string }

// jsonImport points a file of go-app at lanes/minjson instead of
// encoding/json: the browser build's one JSON, shared with Lanes' own
// packages (the copy imports from Lanes' module, which the browser build's
// go.mod is).
var jsonImport = edit{"\t\"encoding/json\"\n", "\tjson \"lanes/minjson\"\n"}

// edits are the changes by file, relative to the module. A file with no
// edits is deleted.
var edits = map[string][]edit{
	"pkg/app/http.go": nil,
	"pkg/app/resource.go": {
		{"import (\n\t\"net/http\"\n\t\"strings\"\n)", "import (\n\t\"strings\"\n)"},
		{"\t\tHandler:   http.FileServer(http.Dir(directory)),\n", ""},
		{"type localResourceResolver struct {\n\thttp.Handler\n", "type localResourceResolver struct {\n"},
	},
	"pkg/app/crypto.go": nil,
	"pkg/app/context.go": {
		jsonImport,
		{"\t\"github.com/google/uuid\"\n", ""},
		{"id = uuid.NewString()", "id = lanesNewUUID()"},
	},
	"pkg/app/state.go": {
		jsonImport,
		{"\t\"github.com/google/uuid\"\n", ""},
		{"m.broadcastStoreID = uuid.NewString()", "m.broadcastStoreID = lanesNewUUID()"},
	},
	"pkg/app/route.go": {
		{"import (\n\t\"regexp\"\n\t\"sync\"\n)", "import (\n\t\"sync\"\n)"},
		{"regexp:       regexp.MustCompile(pattern),", "regexp:       mustCompileRoute(pattern),"},
		{"regexp       *regexp.Regexp", "regexp       *routeRegexp"},
	},
	"pkg/app/storage.go":      {jsonImport},
	"pkg/app/notification.go": {jsonImport},
	"pkg/app/strings.go":      {jsonImport},
	"pkg/app/engine.go":       {jsonImport},
	"pkg/errors/errors.go":    {jsonImport},
	"pkg/app/node.go": {
		{"\t\"html\"\n", "\t\"strings\"\n"},
		{"w.WriteString(html.EscapeString(v.value))", "w.WriteString(lanesHTMLEscaper.Replace(v.value))"},
		{"func (m nodeManager) encodeIndent(", "// lanesHTMLEscaper escapes as html.EscapeString does (Lanes' wasmgoapp:\n" +
			"// package html's init builds its entity tables in every program that\n" +
			"// imports it).\n" +
			"var lanesHTMLEscaper = strings.NewReplacer(`&`, \"&amp;\", `'`, \"&#39;\", `<`, \"&lt;\", `>`, \"&gt;\", `\"`, \"&#34;\")\n\n" +
			"func (m nodeManager) encodeIndent("},
	},
	"pkg/app/wasm.go": {
		{"func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {",
			"func GenerateStaticWebsite(dir string, h any, pages ...string) error {"},
	},
}

// Files added to the copy, each from a package of Lanes whose doc says
// what it stands in for (its package clause becomes package app): the
// router's matcher in place of package regexp, and crypto.go's and uuid's
// stand-ins.
var (
	//go:embed routematch/routematch.go
	routematch string
	//go:embed nocrypto/nocrypto.go
	nocrypto string

	added = []struct{ path, pkg, text string }{
		{"pkg/app/lanes_routematch.go", "routematch", routematch},
		{"pkg/app/lanes_nocrypto.go", "nocrypto", nocrypto},
	}
)

func main() {
	out := flag.String("o", "build/wasm", "the folder to write: go.mod, go.sum and go-app/")
	flag.Parse()
	if err := prepare(*out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmgoapp:", err)
		os.Exit(1)
	}
}

// prepare writes out/go-app (the edited copy), out/go.mod and out/go.sum.
func prepare(out string) error {
	src, root, err := goList()
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	dst := filepath.Join(out, "go-app")
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := copyModule(src, dst); err != nil {
		return err
	}
	for name, es := range edits {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if es == nil {
			if err := os.Remove(p); err != nil {
				return fmt.Errorf("%s: %w (go-app changed: review internal/wasmgoapp)", name, err)
			}
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text, err := apply(string(b), es)
		if err != nil {
			return fmt.Errorf("%s: %w (go-app changed: review internal/wasmgoapp)", name, err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	for _, a := range added {
		text, err := apply(a.text, []edit{{"package " + a.pkg + "\n", "package app\n"}})
		if err != nil {
			return fmt.Errorf("%s: %w", a.pkg, err)
		}
		text = "// Code copied from lanes/internal/wasmgoapp/" + a.pkg + " by wasmgoapp; DO NOT EDIT.\n\n" + text
		if err := os.WriteFile(filepath.Join(dst, filepath.FromSlash(a.path)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	// The replace path is relative (to the module's root, where the go
	// command resolves a -modfile's relative paths): an absolute one ends
	// up in app.wasm's build information, so the same commit built from
	// two checkouts would give two different wasm files.
	rel, err := filepath.Rel(root, dst)
	if err != nil {
		return err
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "../") {
		rel = "./" + rel
	}
	mod = fmt.Appendf(mod, "\n// Written by internal/wasmgoapp for the browser build.\nreplace %s => %s\n", goappModule, rel)
	if err := os.WriteFile(filepath.Join(out, "go.mod"), mod, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644)
}

// apply makes the edits on text, each of which must match exactly once.
func apply(text string, es []edit) (string, error) {
	for _, e := range es {
		if n := strings.Count(text, e.old); n != 1 {
			line, _, _ := strings.Cut(e.old, "\n")
			return "", fmt.Errorf("%q found %d times, want 1", line, n)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	return text, nil
}

// copyModule copies the module's go.mod, LICENSE and the Go files of its
// pkg folder (tests left out) from src to dst, writable.
func copyModule(src, dst string) error {
	for _, f := range []string{"go.mod", "LICENSE"} {
		if err := copyFile(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	return filepath.WalkDir(filepath.Join(src, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// goList returns go-app's module folder (in the module cache, at the
// version go.mod requires, downloaded if it is not there yet: `make run`
// on a fresh machine starts here) and the main module's root.
func goList() (goapp, root string, err error) {
	b, err := exec.Command("go", "mod", "download", "-json", goappModule).Output()
	if err != nil {
		return "", "", fmt.Errorf("go mod download %s: %w", goappModule, err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(b, &mod); err != nil || mod.Dir == "" {
		return "", "", fmt.Errorf("go mod download %s: no folder in %q (%v)", goappModule, b, err)
	}
	goapp = mod.Dir
	b, err = exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", "", fmt.Errorf("go list -m: %w", err)
	}
	return goapp, strings.TrimSpace(string(b)), nil
}
