//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var inlineScript = regexp.MustCompile(`(?s)<script[^>]*>(.*?)</script>`)

// The served pages start go-app through the boot script alone, and the
// CSP allows exactly that script: a browser would refuse it otherwise (the
// e2e tests fail on any console error, CSP violations included).
func TestBootScriptAllowedByCSP(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	for _, path := range []string{"/", "/lesson/" + slug, "/embed/" + slug, "/lesson/nope"} {
		resp, body := get(t, srv, path, nil)
		page := string(body)
		if strings.Contains(page, `<script defer`) {
			t.Errorf("%s: a deferred script is left: go-app would start before the first paint", path)
		}
		// The wasm is fetched from the start (issue 17), with the
		// credentials mode of app.js's fetch(), which then reuses it.
		if !strings.Contains(page, `<link rel="preload" href="/web/app.wasm" as="fetch" crossorigin>`) {
			t.Errorf("%s: no preload of the wasm", path)
		}
		// And the scripts the boot script inserts, run as soon as it does.
		for _, src := range []string{"/wasm_exec.js", "/app.js"} {
			if !strings.Contains(page, `<link rel="preload" href="`+src+`" as="script">`) {
				t.Errorf("%s: no preload of %s", path, src)
			}
		}
		ms := inlineScript.FindAllStringSubmatch(page, -1)
		var inline []string
		for _, m := range ms {
			if strings.TrimSpace(m[1]) != "" {
				inline = append(inline, m[1])
			}
		}
		if len(inline) != 1 || !strings.Contains(page, `data-src="/wasm_exec.js /app.js"`) {
			t.Errorf("%s: %d inline scripts, want the one boot script loading /wasm_exec.js then /app.js", path, len(inline))
			continue
		}
		sum := sha256.Sum256([]byte(inline[0]))
		hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval' "+hash+";") {
			t.Errorf("%s: CSP %q does not allow the boot script (%s)", path, csp, hash)
		}
	}
}

// The static export's pages boot the same way, from the export's base.
func TestExportBootsAfterPaint(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := exportStatic(out, "/lanes/", web, ""); err != nil {
		t.Fatal(err)
	}
	slug := theCourse.Lessons()[0].Slug
	for _, f := range []string{"index.html", "lesson/" + slug + ".html", "embed/" + slug + ".html"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `<script data-src="/lanes/wasm_exec.js /lanes/app.js">(function () {`) {
			t.Errorf("%s: no boot script loading /lanes/wasm_exec.js then /lanes/app.js", f)
		}
		if strings.Contains(string(b), "<script defer") {
			t.Errorf("%s: a deferred script is left", f)
		}
		if !strings.Contains(string(b), `<link rel="preload" href="/lanes/web/app.wasm" as="fetch" crossorigin>`) {
			t.Errorf("%s: no preload of /lanes/web/app.wasm", f)
		}
		for _, src := range []string{"/lanes/wasm_exec.js", "/lanes/app.js"} {
			if !strings.Contains(string(b), `<link rel="preload" href="`+src+`" as="script">`) {
				t.Errorf("%s: no preload of %s", f, src)
			}
		}
	}
}

// go-app's app.js, served and exported, instantiates the module the boot
// script compiles while the page loads, and keeps go-app's own loading as
// its fallback (internal/site/earlywasm.go): if a go-app update changed
// the lines the edit replaces, this fails instead of the page fetching and
// compiling the wasm twice.
func TestAppJSInstantiatesTheEarlyModule(t *testing.T) {
	srv := testServer(t)
	_, served := get(t, srv, "/app.js", nil)
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := exportStatic(out, "/lanes/", web, ""); err != nil {
		t.Fatal(err)
	}
	exported, err := os.ReadFile(filepath.Join(out, "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		desc, js, wasm string
	}{
		{desc: "served", js: string(served), wasm: `"/web/app.wasm"`},
		{desc: "exported under /lanes/", js: string(exported), wasm: `"/lanes/web/app.wasm"`},
	} {
		if got, want := strings.Count(tt.js, "await lanesInstantiate(go.importObject, showProgress, () =>"), 1; got != want {
			t.Errorf("%s: app.js calls lanesInstantiate %d times, want %d", tt.desc, got, want)
		}
		if !strings.Contains(tt.js, "instantiateStreaming(fetchWithProgress("+tt.wasm+", showProgress), go.importObject)") {
			t.Errorf("%s: go-app's loading of %s is not the fallback", tt.desc, tt.wasm)
		}
		if !strings.Contains(tt.js, "async function lanesInstantiate(") || !strings.Contains(tt.js, "async function lanesProgress(") {
			t.Errorf("%s: lanesInstantiate or lanesProgress is missing", tt.desc)
		}
	}
}
