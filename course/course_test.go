package course_test

import (
	"strings"
	"testing"

	. "lanes/course"
	"lanes/course/coursetest"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Nothing runs until a page asks for a run or the gallery for a
// thumbnail: listing the lessons, finding one and checking pages never
// simulate (bug 4: every lesson page drew all the gallery's thumbnails).
func TestNothingRunsUntilAsked(t *testing.T) {
	c := coursetest.New()
	before := coursetest.Runs("hello")
	c.Lessons()
	c.Lesson("hello")
	c.Pages()
	c.PageExists("/lesson/hello")
	if got := coursetest.Runs("hello"); got != before {
		t.Fatalf("listing the course ran hello %d times", got-before)
	}
	th := c.Thumb("hello")
	if !strings.HasPrefix(th, "<svg") || !strings.Contains(th, `id="th-hello-`) {
		t.Errorf("Thumb(hello) is not a thumbnail svg: %.80q", th)
	}
	if strings.Contains(th, `class="brk"`) || strings.Contains(th, `height="`+"0") {
		t.Errorf("Thumb(hello) draws the axis's brackets, or nothing: %.300q", th)
	}
	if got := coursetest.Runs("hello"); got != before+1 {
		t.Errorf("Thumb ran hello %d times, want once", got-before)
	}
	if c.Thumb("hello") != th || coursetest.Runs("hello") != before+1 {
		t.Errorf("a second Thumb is not the cached one")
	}
	if th := c.Thumb("summary"); th != "" {
		t.Errorf("a text-only lesson has a thumbnail: %.80q", th)
	}
}

func TestRun(t *testing.T) {
	c := coursetest.New()
	tests := []struct {
		desc, slug, variant string
		view                ViewState
		output              string
		wantErr             string
	}{
		{desc: "the default view", slug: "hello", output: "worker 2\nworker 1\nFinished!\n"},
		{desc: "a slider twin", slug: "hello", variant: "fixed-n-3", output: "worker 3\nworker 1\nworker 2\nFinished!\n"},
		{desc: "another variant", slug: "hello", variant: "leaky", output: "Finished!\n"},
		{desc: "a recorded schedule", slug: "hello", view: ViewState{Replay: "0"}, output: "worker 2\nworker 1\nFinished!\n"},
		{desc: "a strategy and seed", slug: "hello", view: ViewState{Strategy: "random", Seed: 5}},
		{desc: "no such lesson", slug: "nope", wantErr: `no lesson "nope"`},
		{desc: "no such variant", slug: "hello", variant: "nope", wantErr: `lesson "hello" has no variant "nope"`},
		{desc: "a text-only lesson", slug: "summary", wantErr: `lesson "summary" has no variant ""`},
		{desc: "an unknown strategy", slug: "hello", view: ViewState{Strategy: "fifo"}, wantErr: "fifo"},
	}
	for _, tt := range tests {
		d, err := c.Run(tt.slug, tt.variant, tt.view)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.desc, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		if err := trace.Validate(d.Trace); err != nil {
			t.Errorf("%s: invalid trace: %v", tt.desc, err)
		}
		if tt.output != "" && d.Trace.Outcome.Output != tt.output {
			t.Errorf("%s: output %q, want %q", tt.desc, d.Trace.Outcome.Output, tt.output)
		}
		if len(d.StepX) != len(d.Trace.Events)+1 || !strings.HasPrefix(d.SVG, "<svg") {
			t.Errorf("%s: %d playhead positions for %d events", tt.desc, len(d.StepX), len(d.Trace.Events))
		}
		before := coursetest.Runs(tt.slug)
		if again, _ := c.Run(tt.slug, tt.variant, tt.view); again.SVG != d.SVG || coursetest.Runs(tt.slug) != before {
			t.Errorf("%s: the second Run is not the cached drawing", tt.desc)
		}
	}
}

// The lesson's front matter, not its slug, decides its extra track.
func TestTracksFromFrontMatter(t *testing.T) {
	c := coursetest.New()
	for _, tt := range []struct {
		slug string
		want bool
	}{{"hello", false}, {"limits", true}} {
		d, err := c.Run(tt.slug, "", ViewState{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(d.SVG, ">in flight<"); got != tt.want {
			t.Errorf("%s: page timeline has the in-flight track: %v, want %v", tt.slug, got, tt.want)
		}
		// Bug 3: the downloaded picture shows what the page shows.
		pic, w, h, err := c.Picture(tt.slug, ViewState{T: At(3)})
		if err != nil || w <= 0 || h <= 0 {
			t.Fatalf("%s: Picture: %v (%dx%d)", tt.slug, err, w, h)
		}
		if got := strings.Contains(pic, ">in flight<"); got != tt.want {
			t.Errorf("%s: downloaded picture has the in-flight track: %v, want %v", tt.slug, got, tt.want)
		}
	}
	if pic, _, _, err := c.Picture("summary", ViewState{}); pic != "" || err != nil {
		t.Errorf("a text-only lesson has a picture: %.40q %v", pic, err)
	}
	if pic, _, _, err := c.Picture("hello", ViewState{Variant: "nope"}); pic != "" || err != nil {
		t.Errorf("an unknown variant has a picture: %.40q %v", pic, err)
	}
}

func TestStepScale(t *testing.T) {
	c := coursetest.New()
	tm, _ := c.Run("hello", "", ViewState{})
	st, _ := c.Run("hello", "", ViewState{Scale: timeline.ScaleStep})
	if tm.SVG == st.SVG {
		t.Errorf("the step scale draws the same picture as the time scale")
	}
}

func TestPages(t *testing.T) {
	c := coursetest.New()
	if got, want := strings.Join(c.Pages(), " "), "/ /lesson/hello /embed/hello /lesson/limits /embed/limits /lesson/summary /embed/summary"; got != want {
		t.Errorf("Pages = %s, want %s", got, want)
	}
	tests := []struct {
		desc string
		path string
		want bool
	}{
		{"gallery", "/", true},
		{"lesson", "/lesson/hello", true},
		{"embed", "/embed/hello", true},
		{"unknown lesson", "/lesson/nope", false},
		{"empty slug", "/lesson/", false},
		{"nested", "/lesson/hello/x", false},
		{"other path", "/about", false},
	}
	for _, tt := range tests {
		if got := c.PageExists(tt.path); got != tt.want {
			t.Errorf("%s: PageExists(%q) = %v, want %v", tt.desc, tt.path, got, tt.want)
		}
	}
}

func TestLessonModel(t *testing.T) {
	c := coursetest.New()
	l, _ := c.Lesson("hello")
	def, ok := l.Variant("")
	if !ok || def.Name != "fixed" {
		t.Fatalf("default variant = %v, %v; want fixed", def, ok)
	}
	twin, ok := l.Variant("fixed-n-3")
	if !ok {
		t.Fatal("a slider twin is not found")
	}
	parent, positions, ok := l.Slider(twin)
	if !ok || parent != def || len(positions) != 2 || positions[0] != def || positions[1] != twin {
		t.Errorf("Slider(twin) = %v %v %v", parent, positions, ok)
	}
	if leaky, _ := l.Variant("leaky"); func() bool { _, _, ok := l.Slider(leaky); return ok }() {
		t.Errorf("a variant without a slider has one")
	}
	if got, want := l.EmbedTitle(twin), "Lanes: Waiting for goroutines (Add before go)"; got != want {
		t.Errorf("EmbedTitle = %q, want %q", got, want)
	}
	if !strings.Contains(c.RealHTML(def), "go1.26 test/test") || !strings.Contains(c.RealHTML(twin), "simulator only") {
		t.Errorf("RealHTML: %q / %q", c.RealHTML(def), c.RealHTML(twin))
	}
	lim, _ := c.Lesson("limits")
	if !lim.HasTrack(TrackInFlight) || !lim.HasPanel(PanelMemory) || l.HasPanel(PanelMemory) || !lim.Variants[0].Heavy {
		t.Errorf("front matter lost: %+v", lim)
	}
}
