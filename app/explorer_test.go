package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/course/coursetest"
)

// panelHarness starts exploring as soon as it is mounted by the test
// engine (natively OnPreRender runs, DOM clicks do not).
type panelHarness struct {
	ExplorePanel
}

func (h *panelHarness) OnPreRender(ctx app.Context) { h.onRun(ctx, app.Event{}) }

func TestExplorePanelRunsAndLinks(t *testing.T) {
	h := &panelHarness{ExplorePanel{Course: coursetest.New(), Slug: "hello", Variant: "leaky", State: course.ViewState{}, RealHTML: "<p>real runs</p>"}}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(h)
	for _, want := range []string{
		"What can happen?", "not how often real hardware does it", "<p>real runs</p>",
		"Every possible schedule was run", "outcomes", "%", "killed at exit: worker",
		`href="/lesson/hello?replay=`, "replay this",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("after exploring, the panel lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<progress") {
		t.Errorf("the progress bar is still shown after the run")
	}
}

func TestLessonPageExtras(t *testing.T) {
	tests := []struct {
		desc     string
		url      string
		contains []string
		absent   []string
	}{
		{desc: "the explorer and the real runs", url: "/lesson/hello",
			contains: []string{`class="explore"`, "Run schedules", "go1.26 test/test"},
			absent:   []string{`class="memory"`}},
		{desc: "the slider on its own position", url: "/lesson/hello",
			contains: []string{`class="param-range"`, `href="/lesson/hello?variant=fixed-n-3"`, "i &lt;= 2"}},
		{desc: "a param twin shows its own code and keeps its variant tab selected", url: "/lesson/hello?variant=fixed-n-3",
			contains: []string{"i &lt;= 3", `class="variant selected"`, "this one runs in the simulator only"},
			absent:   []string{"has no variant"}},
		{desc: "a replayed schedule", url: "/lesson/hello?replay=10",
			contains: []string{"a recorded one"}},
		{desc: "a heavy variant explores random schedules by default", url: "/lesson/limits",
			contains: []string{`<option value="random" selected>`}},
		{desc: "embed pages have no extras", url: "/embed/hello",
			absent: []string{`class="explore"`, `class="param"`}},
	}
	for _, tt := range tests {
		p, html := render(t, tt.url)
		for _, s := range tt.contains {
			if !strings.Contains(strings.ToLower(html), strings.ToLower(s)) {
				t.Errorf("%s: page lacks %q", tt.desc, s)
			}
		}
		for _, s := range tt.absent {
			if strings.Contains(html, s) {
				t.Errorf("%s: page has %q", tt.desc, s)
			}
		}
		if strings.Contains(tt.url, "replay=") && p.state.Replay == "" {
			t.Errorf("%s: the page did not run the replay", tt.desc)
		}
	}
}

func TestExploreDefaults(t *testing.T) {
	tests := []struct {
		desc  string
		panel ExplorePanel
		mode  string
		runs  int
	}{
		{desc: "a small program: enumerate if few, 1,000 schedules", panel: ExplorePanel{}, mode: "auto", runs: 1000},
		{desc: "many goroutines: random, 100 schedules", panel: ExplorePanel{Heavy: true}, mode: "random", runs: 100},
		{desc: "the reader's choice wins", panel: ExplorePanel{Heavy: true, mode: "pct", runs: 10000}, mode: "pct", runs: 10000},
	}
	for _, tt := range tests {
		if mode, runs := tt.panel.settings(); mode != tt.mode || runs != tt.runs {
			t.Errorf("%s: settings %q %d, want %q %d", tt.desc, mode, runs, tt.mode, tt.runs)
		}
	}
}
