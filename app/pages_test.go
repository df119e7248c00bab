package app

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// render loads a lesson page for a URL (as OnNav would) and returns its HTML.
func render(t *testing.T, rawURL string) (*LessonPage, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &LessonPage{}
	p.load(u.Path, u.Query())
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatalf("%s: Load: %v", rawURL, err)
	}
	e.ConsumeAll()
	return p, app.HTMLString(p)
}

func TestLessonPage(t *testing.T) {
	slug := CurrentCatalog().Lessons()[0].Slug
	checkPages(t, []pageCase{
		{desc: "default view", url: "/lesson/" + slug,
			contains: []string{"<svg", "lanes-playhead", `class="controls"`, "Finished!", `aria-current="page"`},
			absent:   []string{`class="notes"`}},
		{desc: "t=0 shows an empty console", url: "/lesson/" + slug + "?t=0",
			contains: []string{"start: nothing has happened yet", "<pre></pre>"}},
		{desc: "bad seed gets a note", url: "/lesson/" + slug + "?seed=abc",
			contains: []string{`class="notes"`, "ignored seed=", "<svg"}},
		{desc: "unknown variant falls back with a note", url: "/lesson/" + slug + "?variant=nope",
			contains: []string{"has no variant", "<svg"}},
		{desc: "t past the end", url: "/lesson/" + slug + "?t=5000",
			contains: []string{"past the end"}},
		{desc: "unknown lesson", url: "/lesson/no-such-lesson",
			contains: []string{"Lesson not found", "Back to the course"}, absent: []string{"<svg"}},
		{desc: "embed page", url: "/embed/" + slug + "?theme=dark&controls=minimal&code=0",
			contains: []string{"theme-dark", "open in Lanes", "<svg"},
			absent:   []string{`class="top"`, `class="ctl start"`, `class="code"`}},
		{desc: "script in a query never reaches the page raw", url: "/lesson/" + slug + `?variant="><script>alert(1)</script>&seed=<img>`,
			absent: []string{"<script>", "<img>"}},
	})
}

func TestLessonPageKeys(t *testing.T) {
	slug := CurrentCatalog().Lessons()[0].Slug
	p, _ := render(t, "/lesson/"+slug+"?t=3")
	steps := []struct {
		key     string
		wantPos int
	}{
		{"ArrowLeft", 2}, {"ArrowRight", 3}, {"Home", 0}, {"End", p.pl.n}, {"x", p.pl.n},
	}
	for _, s := range steps {
		p.key(s.key)
		if p.pl.pos != s.wantPos {
			t.Errorf("key %q: pos = %d, want %d", s.key, p.pl.pos, s.wantPos)
		}
	}
	p.key("[")
	if p.pl.speed != defaultSpeed-1 {
		t.Errorf("key [: speed = %d, want %d", p.pl.speed, defaultSpeed-1)
	}
}

func TestGalleryAndStatus(t *testing.T) {
	html := app.HTMLString(galleryBody())
	for _, l := range CurrentCatalog().Lessons() {
		if !strings.Contains(html, `href="/lesson/`+l.Slug+`"`) {
			t.Errorf("gallery: no link to lesson %q", l.Slug)
		}
	}
	slug := CurrentCatalog().Lessons()[0].Slug
	tests := []struct {
		desc string
		path string
		want bool
	}{
		{"gallery", "/", true},
		{"lesson", "/lesson/" + slug, true},
		{"embed", "/embed/" + slug, true},
		{"unknown lesson", "/lesson/nope", false},
		{"empty slug", "/lesson/", false},
		{"nested", "/lesson/" + slug + "/x", false},
		{"other path", "/about", false},
	}
	for _, tt := range tests {
		if got := PageExists(tt.path); got != tt.want {
			t.Errorf("%s: PageExists(%q) = %v, want %v", tt.desc, tt.path, got, tt.want)
		}
	}
}

// edgeCatalog has a text-only lesson and a lesson whose run fails.
type edgeCatalog struct{}

func (edgeCatalog) Lessons() []Lesson {
	return []Lesson{
		{Slug: "summary", Title: "Summary", TextHTML: "<p>All done.</p>"},
		{Slug: "broken", Title: "Broken", Variants: []Variant{{Name: "only", Title: "Only", File: "main.go", Code: "package main\n"}}},
	}
}

func (edgeCatalog) Run(slug, variant string, seed int64, strategy string) (Run, error) {
	return Run{}, errors.New("deadlock in the simulator")
}

func TestLessonPageEdgeCases(t *testing.T) {
	old := CurrentCatalog()
	SetCatalog(edgeCatalog{})
	defer SetCatalog(old)
	checkPages(t, []pageCase{
		{desc: "text-only lesson", url: "/lesson/summary", contains: []string{"All done.", "<h1>Summary</h1>"}, absent: []string{"controls", "<svg"}},
		{desc: "text-only embed", url: "/embed/summary?seed=x", contains: []string{"All done.", "ignored seed="}, absent: []string{`class="top"`}},
		{desc: "failing run", url: "/lesson/broken", contains: []string{"run-error", "deadlock in the simulator", "package main"}, absent: []string{`class="controls"`}},
	})
}

// pageCase is a page (url) and what its prerendered HTML must contain and
// must not.
type pageCase struct {
	desc     string
	url      string
	contains []string
	absent   []string
}

// checkPages renders each case's page and reports each of contains it
// lacks and each of absent it has.
func checkPages(t *testing.T, tests []pageCase) {
	t.Helper()
	for _, tt := range tests {
		_, html := render(t, tt.url)
		for _, s := range tt.contains {
			if !strings.Contains(html, s) {
				t.Errorf("%s: page lacks %q", tt.desc, s)
			}
		}
		for _, s := range tt.absent {
			if strings.Contains(html, s) {
				t.Errorf("%s: page has %q", tt.desc, s)
			}
		}
	}
}
