//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	lanesapp "lanes/app"
)

func TestFixOpenGraph(t *testing.T) {
	tests := []struct {
		desc, page, origin, want string
	}{
		{
			desc:   "a host-less og:url gets the origin; the empty og:image goes",
			page:   "<meta property=\"og:url\" content=\"https:///lesson/a\">\n    <meta property=\"og:image\" content=\"https://\">\n    <title>",
			origin: "http://localhost:8000",
			want:   "<meta property=\"og:url\" content=\"http://localhost:8000/lesson/a\">\n<title>",
		},
		{
			desc:   "attributes the other way round (static export), under a sub-path",
			page:   `<meta content="https:///lanes/lesson/a" property="og:url"><meta content="https://" property="og:image">`,
			origin: "https://example.org",
			want:   "<meta property=\"og:url\" content=\"https://example.org/lanes/lesson/a\">\n",
		},
		{
			desc: "no origin known: the og:url goes too",
			page: `<meta property="og:url" content="https:///lesson/a"><title>`,
			want: `<title>`,
		},
		{
			desc:   "a real og:url and og:image stay",
			page:   `<meta property="og:url" content="https://example.org/x"><meta property="og:image" content="https://example.org/i.png">`,
			origin: "http://localhost",
			want:   `<meta property="og:url" content="https://example.org/x"><meta property="og:image" content="https://example.org/i.png">`,
		},
	}
	for _, tt := range tests {
		// The tags are in a head: fixOpenGraph leaves the body alone.
		tt.page, tt.want = tt.page+"</head>", tt.want+"</head>"
		if got := string(fixOpenGraph([]byte(tt.page), tt.origin)); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
	}
}

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
	lanesapp.Routes()
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
