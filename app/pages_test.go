package app

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/course/coursetest"
	"lanes/timeline"
)

// render loads a lesson page of coursetest's course for a URL (as OnNav
// would) and returns its HTML.
func render(t *testing.T, rawURL string) (*LessonPage, string) {
	t.Helper()
	return renderIn(t, coursetest.New(), rawURL)
}

func renderIn(t *testing.T, c *course.Course, rawURL string) (*LessonPage, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &LessonPage{course: c}
	p.load(u.Path, u.Query())
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatalf("%s: Load: %v", rawURL, err)
	}
	e.ConsumeAll()
	return p, app.HTMLString(p)
}

func TestLessonPage(t *testing.T) {
	slug := "hello"
	checkPages(t, []pageCase{
		{desc: "default view", url: "/lesson/" + slug,
			contains: []string{"<svg", "lanes-playhead", `class="controls"`, "Finished!", `aria-current="page"`},
			absent:   []string{`class="notes"`}},
		{desc: "t=0 shows an empty console", url: "/lesson/" + slug + "?t=0",
			contains: []string{"start: nothing has happened yet", "<pre></pre>"}},
		{desc: "bad seed gets a note", url: "/lesson/" + slug + "?seed=abc",
			contains: []string{`class="notes"`, "ignored seed=", "<svg"}},
		{desc: "a replay that fits: the note that it is a found schedule", url: "/lesson/" + slug + "?replay=0",
			contains: []string{`class="replay-note"`}, absent: []string{`class="notes"`}},
		{desc: "a made-up replay: ignored, with a note, and the lesson's run", url: "/lesson/" + slug + "?replay=zzzz",
			contains: []string{`class="notes"`, "ignored replay=", "not a schedule of this program", "<svg"}, absent: []string{`class="replay-note"`}},
		{desc: "unknown variant falls back with a note", url: "/lesson/" + slug + "?variant=nope",
			contains: []string{"has no variant", "<svg"}},
		{desc: "new schedule under runtime switches to random and says so", url: "/lesson/" + slug,
			contains: []string{"New schedule ↻ (switches to random)", "each seed is another schedule"}},
		{desc: "new schedule under random keeps random", url: "/lesson/" + slug + "?strategy=random&seed=5",
			contains: []string{"New schedule ↻</a>"}, absent: []string{"switches to random"}},
		{desc: "the prerender is the whole run: no reveal rule", url: "/lesson/" + slug,
			contains: []string{`<style id="lanes-reveal"></style>`}},
		{desc: "t=0 hides every event", url: "/lesson/" + slug + "?t=0",
			contains: []string{`<style id="lanes-reveal">#lanes-ev>:nth-child(n+1){display:none}</style>`}},
		{desc: "a forced theme holds for the timeline", url: "/lesson/" + slug + "?theme=dark",
			contains: []string{`class="lanes-tl th-dark"`}},
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
	slug := "hello"
	p, _ := render(t, "/lesson/"+slug+"?t=3")
	back := stepTarget(p.run.Trace, 3, -1, false) // runnable and runs fold into their neighbours
	steps := []struct {
		key     string
		wantPos int
	}{
		{"ArrowLeft", back}, {"ArrowRight", stepTarget(p.run.Trace, back, 1, false)}, {"Home", 0}, {"End", p.pl.n}, {"x", p.pl.n},
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

func TestGallery(t *testing.T) {
	c := coursetest.New()
	html := app.HTMLString(galleryBody(c, timeline.ThemeAuto))
	for _, l := range c.Lessons() {
		if !strings.Contains(html, `href="/lesson/`+l.Slug+`"`) {
			t.Errorf("gallery: no link to lesson %q", l.Slug)
		}
	}
	if !strings.Contains(html, `class="thumb"`) {
		t.Errorf("gallery: no thumbnails")
	}
	// A theme the reader chose stays: on the page, its thumbnails and the
	// links to the lessons.
	dark := app.HTMLString(galleryBody(c, timeline.ThemeDark))
	for _, want := range []string{"page gallery theme-dark", `class="lanes-tl th-dark"`, `href="/lesson/hello?theme=dark"`, `href="/?theme=dark"`} {
		if !strings.Contains(dark, want) {
			t.Errorf("the dark gallery lacks %s", want)
		}
	}
	if strings.Contains(dark, `class="lanes-tl th-auto"`) {
		t.Errorf("the dark gallery has a thumbnail in the auto theme")
	}
}

// Bug 4: a lesson page runs its own program only, never the gallery's
// thumbnails (every lesson page used to simulate every lesson).
func TestLessonPageRunsNoThumbnails(t *testing.T) {
	c := coursetest.New()
	limits, hello := coursetest.Runs("limits"), coursetest.Runs("hello")
	renderIn(t, c, "/lesson/hello")
	renderIn(t, c, "/embed/hello?t=2")
	if got := coursetest.Runs("limits") - limits; got != 0 {
		t.Errorf("the hello lesson page ran the limits lesson %d times", got)
	}
	if got := coursetest.Runs("hello") - hello; got != 1 {
		t.Errorf("the hello pages ran hello %d times, want once (then cached)", got)
	}
}

func TestLessonPageEdgeCases(t *testing.T) {
	checkPages(t, []pageCase{
		{desc: "text-only lesson", url: "/lesson/summary", contains: []string{"All done.", "<h1>Summary</h1>"}, absent: []string{"controls", "<svg"}},
		{desc: "text-only embed", url: "/embed/summary?seed=x", contains: []string{"All done.", "ignored seed="}, absent: []string{`class="top"`}},
		{desc: "the in-flight track and the memory panel come from the front matter", url: "/lesson/limits",
			contains: []string{">in flight<", `class="memory"`}},
		{desc: "without them in the front matter, neither", url: "/lesson/hello", absent: []string{">in flight<", `class="memory"`}},
		{desc: "a replayed schedule says it is not the run the text describes, with the way back", url: "/lesson/hello?replay=0",
			contains: []string{`class="replay-note"`, "not the run the text describes", `href="/lesson/hello"`}},
		{desc: "the lesson's own run has no such note", url: "/lesson/hello", absent: []string{"replay-note"}},
		{desc: "nor has an embed", url: "/embed/hello?replay=0", absent: []string{"replay-note"}},
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

// The legend sits under the timeline's sideways-scrolling box, as HTML
// that wraps to any width: in a picture wider than a phone's box (the
// prerendered 716 px one) it ran off to the right, out of view.
func TestLessonPageLegendOutsideScroll(t *testing.T) {
	for _, u := range []string{"/lesson/hello", "/lesson/hello?theme=dark", "/embed/hello"} {
		_, html := render(t, u)
		scroll := strings.Index(html, `class="timeline-scroll"`)
		legend := strings.Index(html, `class="tl-legend"`)
		if scroll < 0 || legend < 0 {
			t.Fatalf("%s: timeline-scroll at %d, tl-legend at %d", u, scroll, legend)
		}
		svg := html[scroll:legend]
		if strings.Contains(svg, ">running</text>") {
			t.Errorf("%s: the legend is still drawn inside the scrolling picture", u)
		}
		if !strings.Contains(html[legend:], ">running</li>") {
			t.Errorf("%s: the HTML legend has no \"running\" item", u)
		}
		ul := html[legend:]
		ul = ul[:strings.Index(ul, "</ul>")]
		if strings.Contains(u, "dark") && strings.Count(ul, `lanes-tl th-dark`) != strings.Count(ul, "</li>") {
			t.Errorf("%s: the legend's swatches are not in the page's theme", u)
		}
	}
}
