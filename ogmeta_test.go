//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestServedOpenGraph(t *testing.T) {
	srv := testServer(t)
	_, body := get(t, srv, "/lesson/race-to-exit", nil)
	page := string(body)
	if !strings.Contains(page, `<meta property="og:url" content="`+srv.URL+`/lesson/race-to-exit">`) {
		t.Errorf("og:url is not the lesson's address on %s", srv.URL)
	}
	for _, bad := range []string{`"https:///`, `content="https://"`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page still has %s", bad)
		}
	}
}

func TestExportOpenGraph(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc, site, want string
	}{
		{desc: "with -url", site: "https://example.org/lanes", want: `<meta property="og:url" content="https://example.org/lanes/lesson/race-to-exit">`},
		{desc: "without -url: no og:url at all"},
	}
	for _, tt := range tests {
		out := t.TempDir()
		if err := exportStatic(out, "/lanes/", web, tt.site); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "lesson", "race-to-exit.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if tt.want != "" && !strings.Contains(page, tt.want) {
			t.Errorf("%s: the lesson lacks %s", tt.desc, tt.want)
		}
		if tt.want == "" && strings.Contains(page, "og:url") {
			t.Errorf("%s: the lesson has an og:url", tt.desc)
		}
		for _, bad := range []string{`"https:///`, `content="https://"`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s: the lesson still has %s", tt.desc, bad)
			}
		}
	}
}
