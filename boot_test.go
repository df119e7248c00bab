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
