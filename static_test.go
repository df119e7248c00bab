//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	lanesapp "lanes/app"
)

func TestExportStatic(t *testing.T) {
	lanesapp.Routes()
	web := t.TempDir()
	for name, body := range map[string]string{"app.wasm": string(fakeWasm), "lanes.css": "body{}"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slug := lanesapp.CurrentCatalog().Lessons()[0].Slug
	tests := []struct {
		desc string
		base string
		link string // a link every page must carry
	}{
		{desc: "at the root", base: "/", link: `href="/lesson/` + slug + `"`},
		{desc: "under a sub-path", base: "/lanes/", link: `href="/lanes/lesson/` + slug + `"`},
	}
	for _, tt := range tests {
		out := t.TempDir()
		if err := exportStatic(out, tt.base, web); err != nil {
			t.Fatalf("%s: exportStatic: %v", tt.desc, err)
		}
		for _, f := range []string{"index.html", "404.html", "lesson/" + slug + ".html", "embed/" + slug + ".html",
			"app.js", "app-worker.js", "wasm_exec.js", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/lanes.css"} {
			if _, err := os.Stat(filepath.Join(out, f)); err != nil {
				t.Errorf("%s: %s missing: %v", tt.desc, f, err)
			}
		}
		index, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(index), tt.link) {
			t.Errorf("%s: index.html lacks %s", tt.desc, tt.link)
		}
		lesson, _ := os.ReadFile(filepath.Join(out, "lesson", slug+".html"))
		if !strings.Contains(string(lesson), "<svg") {
			t.Errorf("%s: the lesson page is not prerendered with its timeline", tt.desc)
		}
	}
	if err := exportStatic(t.TempDir(), `/a"b/`, web); err == nil {
		t.Errorf("exportStatic with a bad -base: no error")
	}
}
