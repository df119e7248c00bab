//go:build !wasm

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportStatic(t *testing.T) {
	web := t.TempDir()
	for name, body := range map[string]string{"app.wasm": string(fakeWasm), "lanes.css": "body{}"} {
		if err := os.WriteFile(filepath.Join(web, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slug := theCourse.Lessons()[0].Slug
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
		if err := exportStatic(out, tt.base, web, ""); err != nil {
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
		// The lessons' "Edit ✎" leads to /play: a static copy's says that
		// it builds nothing, and offers no Run, Format or Share.
		play, err := os.ReadFile(filepath.Join(out, "play.html"))
		if err != nil {
			t.Errorf("%s: play.html missing: %v", tt.desc, err)
		}
		for _, want := range []string{"This copy of Lanes is a static site", "<code>go run main.go</code>", `class="play-off"`, `class="play-fallback"`} {
			if !strings.Contains(string(play), want) {
				t.Errorf("%s: play.html lacks %s", tt.desc, want)
			}
		}
		for _, absent := range []string{"▶ Run", "play-format", "play-share", `class="explore-run"`} {
			if strings.Contains(string(play), absent) {
				t.Errorf("%s: play.html has %s", tt.desc, absent)
			}
		}
		lesson, _ := os.ReadFile(filepath.Join(out, "lesson", slug+".html"))
		if !strings.Contains(string(lesson), "<svg") {
			t.Errorf("%s: the lesson page is not prerendered with its timeline", tt.desc)
		}
		// Stylesheets found in the export are inlined: nothing blocks the
		// first paint (share.css is not in this web folder: it stays a link).
		head, _, _ := strings.Cut(string(lesson), "</head>")
		for _, want := range []string{"<style>body{}</style>", ".goapp-app-info", `web/share.css"`} {
			if !strings.Contains(head, want) {
				t.Errorf("%s: the lesson's head lacks %s", tt.desc, want)
			}
		}
		for _, absent := range []string{`app.css"`, `web/lanes.css"`} {
			if strings.Contains(head, absent) {
				t.Errorf("%s: the lesson's head still links %s", tt.desc, absent)
			}
		}
	}
	if err := exportStatic(t.TempDir(), `/a"b/`, web, ""); err == nil {
		t.Errorf("exportStatic with a bad -base: no error")
	}
}

func TestExportIsReproducible(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if err := exportStatic(out, "/lanes/", web, "https://example.org/lanes"); err != nil {
			t.Fatalf("exportStatic: %v", err)
		}
	}
	files := 0
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s is in one export only", rel)
			return nil
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two exports", rel)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slug := theCourse.Lessons()[0].Slug
	for _, tt := range []struct{ desc, file, want string }{
		{"embed page prerendered", "embed/" + slug + ".html", "open in Lanes"},
		{"snippets carry -url", "lesson/" + slug + ".html", "https://example.org/lanes/embed/" + slug},
		{"the Markdown picture exists", "svg/" + slug + ".svg", "<svg"},
	} {
		got, err := os.ReadFile(filepath.Join(a, tt.file))
		if err != nil || !bytes.Contains(got, []byte(tt.want)) {
			t.Errorf("%s: %s lacks %q (%v)", tt.desc, tt.file, tt.want, err)
		}
	}
	if files < 10 {
		t.Errorf("the export has %d files, want the whole site", files)
	}
	if err := exportStatic(t.TempDir(), "/", web, `https://x"y`); err == nil {
		t.Errorf("exportStatic with a bad -url: no error")
	}
}
