package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	tests := []struct {
		desc    string
		text    string
		edits   []edit
		want    string
		wantErr string
	}{
		{desc: "each edit once", text: "a b c", edits: []edit{{"a", "x"}, {" c", ""}}, want: "x b"},
		{desc: "an edit that no longer matches", text: "a b", edits: []edit{{"z", "x"}}, wantErr: `"z" found 0 times, want 1`},
		{desc: "an edit that matches twice", text: "a a", edits: []edit{{"a", "x"}}, wantErr: `"a" found 2 times, want 1`},
	}
	for _, tt := range tests {
		got, err := apply(tt.text, tt.edits)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s: error %v, want %q", tt.desc, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: apply = %q, %v; want %q", tt.desc, got, err, tt.want)
		}
	}
}

// The edits apply to the go-app that go.mod requires, and the browser
// build made with the result has no net/http in it (nor what came with
// it), no regexp, crypto or uuid. This also catches Lanes' own browser
// code importing them.
func TestBrowserBuildLeavesNetHTTPOut(t *testing.T) {
	out := t.TempDir()
	if err := prepare(out); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(out, "go-app", "pkg", "app")
	if _, err := os.Stat(filepath.Join(app, "http.go")); !os.IsNotExist(err) {
		t.Errorf("http.go is still in the copy (stat: %v)", err)
	}
	for _, f := range []string{"resource.go", "wasm.go"} {
		b, err := os.ReadFile(filepath.Join(app, f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `"net/http"`) || strings.Contains(string(b), "*Handler") {
			t.Errorf("%s still names net/http or the Handler", f)
		}
	}
	cmd := exec.Command("go", "list", "-modfile="+filepath.Join(out, "go.mod"), "-deps", "lanes")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list of the browser build: %v\n%s", err, b)
	}
	deps := strings.Fields(string(b))
	for _, absent := range []string{"net/http", "crypto/tls", "crypto/x509"} {
		if slices.Contains(deps, absent) {
			t.Errorf("the browser build still depends on %s", absent)
		}
	}
	// What the size budget (issue 17) took out, and keeps out: a regular
	// expression engine (routematch, course.Pattern, timeline's texts),
	// crypto (nocrypto, sim/internal/sum) and uuid (nocrypto).
	for _, dep := range deps {
		if dep == "regexp" || strings.HasPrefix(dep, "regexp/") || dep == "crypto" || strings.HasPrefix(dep, "crypto/") ||
			dep == "github.com/google/uuid" {
			t.Errorf("the browser build depends on %s again (about 0.1 MB brotli for regexp, 0.07 MB for crypto and uuid)", dep)
		}
	}
	for _, present := range []string{"github.com/maxence-charriere/go-app/v10/pkg/app", "lanes/app", "lanes/sim"} {
		if !slices.Contains(deps, present) {
			t.Errorf("the browser build lacks %s: is lanes still the browser entry?", present)
		}
	}
}

// TestReplaceIsRelative: the browser build's go.mod names the go-app copy
// by a path relative to the module's root, so no absolute path of the
// checkout reaches app.wasm's build information (two checkouts of one
// commit build the same bytes), and the go command finds the copy.
func TestReplaceIsRelative(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{t.TempDir(), filepath.Join(root, "build", "wasmtest-"+filepath.Base(t.TempDir()))} {
		if strings.HasPrefix(out, root) {
			t.Cleanup(func() { os.RemoveAll(out) })
		}
		if err := prepare(out); err != nil {
			t.Fatal(err)
		}
		mod, err := os.ReadFile(filepath.Join(out, "go.mod"))
		if err != nil {
			t.Fatal(err)
		}
		_, line, _ := strings.Cut(string(mod), "replace "+goappModule+" => ")
		line, _, _ = strings.Cut(line, "\n")
		if filepath.IsAbs(line) || strings.Contains(string(mod), root) {
			t.Errorf("go.mod for %s: replace => %q holds an absolute path", out, line)
		}
		cmd := exec.Command("go", "list", "-modfile="+filepath.Join(out, "go.mod"), "-m", "-f", "{{.Replace.Dir}}", goappModule)
		cmd.Dir = root
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, b)
		}
		if got, want := strings.TrimSpace(string(b)), filepath.Join(out, "go-app"); got != want {
			t.Errorf("the go command finds go-app's copy at %s, want %s", got, want)
		}
	}
}
