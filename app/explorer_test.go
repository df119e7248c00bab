package app

import (
	"regexp"
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
	tests := []struct {
		desc     string
		variant  string
		contains []string
		absent   []string
	}{
		{desc: "a variant never measured: the words, the runtime outcome, no real marks", variant: "leaky",
			contains: []string{
				"What can happen?", "not how often real hardware does it", "<p>real runs</p>",
				`<p class="explore-summary">Every schedule with at most 2 preemptions: `, "outcomes.</p>", "found in ", " of ", " schedules</td>",
				`<tr class="outcome runtime">`, "Go on one CPU, timers on time", "killed at exit: worker",
				`href="/lesson/hello?autoplay=1&amp;replay=`, "replay this",
			},
			absent: []string{"%", "seen on real Go", "<b>", "<strong>", "<progress"}},
		{desc: "a measured variant: the outcome real Go printed is marked", variant: "fixed",
			contains: []string{"Every schedule with at most 2 preemptions: ", "Go on one CPU, timers on time", `<span class="mark real-mark" title="Real Go printed`, `">seen on real Go</span>`},
			absent:   []string{"%", "<progress"}},
	}
	for _, tt := range tests {
		h := &panelHarness{ExplorePanel{Course: coursetest.New(), Slug: "hello", Variant: tt.variant, State: course.ViewState{}, RealHTML: "<p>real runs</p>"}}
		e := app.NewTestEngine()
		if err := e.Load(h); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		html := app.HTMLString(h)
		for _, want := range tt.contains {
			if !strings.Contains(html, want) {
				t.Errorf("%s: after exploring, the panel lacks %q:\n%s", tt.desc, want, html)
			}
		}
		for _, bad := range tt.absent {
			if strings.Contains(html, bad) {
				t.Errorf("%s: after exploring, the panel has %q:\n%s", tt.desc, bad, html)
			}
		}
		if i, j := strings.Index(html, "Go on one CPU, timers on time"), strings.Index(html, `<tr class="outcome">`); j >= 0 && i > j {
			t.Errorf("%s: the runtime outcome is not first", tt.desc)
		}
	}
}

func TestCapitalize(t *testing.T) {
	tests := []struct{ desc, in, want string }{
		{desc: "a summary", in: "every schedule: 3 runs", want: "Every schedule: 3 runs"},
		{desc: "a number first", in: "1,000 random schedules", want: "1,000 random schedules"},
		{desc: "empty", in: "", want: ""},
	}
	for _, tt := range tests {
		if got := capitalize(tt.in); got != tt.want {
			t.Errorf("%s: capitalize(%q) = %q, want %q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestLessonPageExtras(t *testing.T) {
	tests := []struct {
		desc     string
		url      string
		contains []string
		absent   []string
		matches  []string // regular expressions (go-app's attribute order varies)
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
			matches: []string{`<option (value="random" selected|selected value="random")>`}},
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
		for _, re := range tt.matches {
			if !regexp.MustCompile(re).MatchString(html) {
				t.Errorf("%s: page has nothing matching %q", tt.desc, re)
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
		{desc: "a small program: the bounded search, 1,000 schedules", panel: ExplorePanel{}, mode: "auto", runs: 1000},
		{desc: "many goroutines: random, 100 schedules", panel: ExplorePanel{Heavy: true}, mode: "random", runs: 100},
		{desc: "the reader's choice wins", panel: ExplorePanel{Heavy: true, mode: "pct", runs: 10000}, mode: "pct", runs: 10000},
	}
	for _, tt := range tests {
		if mode, runs := tt.panel.settings(); mode != tt.mode || runs != tt.runs {
			t.Errorf("%s: settings %q %d, want %q %d", tt.desc, mode, runs, tt.mode, tt.runs)
		}
	}
}

// TestExploreSlipMark: an outcome found only when time slips is marked so,
// with what that means in its title; the others are not.
func TestExploreSlipMark(t *testing.T) {
	e := &ExplorePanel{res: &course.ExploreResult{Summary: "every schedule", Outcomes: []course.ExploreOutcome{
		{Output: "Exiting...\n", Exit: "ok", Found: "found in 23 of 27 schedules", Runtime: true},
		{Output: "Finished!\nExiting...\n", Exit: "ok", Found: "found in 3 of 27 schedules", Slip: true},
	}}}
	html := app.HTMLString(e.results())
	if got := strings.Count(html, `class="mark slip-mark"`); got != 1 {
		t.Errorf("%d slip marks, want 1:\n%s", got, html)
	}
	if i, j := strings.Index(html, course.SlipLabel), strings.Index(html, "Finished!"); i < 0 || i > j || strings.Index(html, "Exiting...") > i {
		t.Errorf("the slip mark is not on the outcome found only when time slips:\n%s", html)
	}
	if !strings.Contains(html, `title="Found only in schedules where time slipped`) {
		t.Errorf("the slip mark does not say what it means:\n%s", html)
	}
}

// TestExploreResultsSlipsApart: the endings found only when time slipped
// come under one heading after the others, each still marked; an ending
// real Go printed has the mark's title saying what a real run can show.
func TestExploreResultsSlipsApart(t *testing.T) {
	tests := []struct {
		desc  string
		outs  []course.ExploreOutcome
		heads int    // headings wanted
		head  string // its words
	}{
		{desc: "on time, then two slipped endings under one heading",
			outs:  []course.ExploreOutcome{{Output: "a\n", Runtime: true, SeenReal: true}, {Output: "b\n"}, {Output: "c\n", Slip: true}, {Output: "d\n", Slip: true}},
			heads: 1, head: "Only if timers fire late (a sleep lasted longer than asked, as on a slow or busy machine): 2 more endings"},
		{desc: "no slipped ending: no heading", outs: []course.ExploreOutcome{{Output: "a\n", Runtime: true}, {Output: "b\n"}}},
	}
	for _, tt := range tests {
		e := &ExplorePanel{res: &course.ExploreResult{Summary: "every schedule: 4 runs", Outcomes: tt.outs}}
		html := app.HTMLString(e.results())
		if got := strings.Count(html, `<tr class="slip-head">`); got != tt.heads {
			t.Errorf("%s: %d headings, want %d:\n%s", tt.desc, got, tt.heads, html)
		}
		if tt.heads == 0 {
			continue
		}
		h, b, c := strings.Index(html, tt.head), strings.Index(html, "<pre>b\n"), strings.Index(html, "<pre>c\n")
		if h < 0 || !(b < h && h < c) {
			t.Errorf("%s: heading %q not between the on-time endings and the slipped ones:\n%s", tt.desc, tt.head, html)
		}
		if !strings.Contains(html, `<span class="mark real-mark" title="Real Go printed this output and ended this way.`) {
			t.Errorf("%s: the real mark has no title:\n%s", tt.desc, html)
		}
	}
}

// TestExploreResultsRaces: the data races the schedules ran into are
// listed under the outcomes, escaped, the variable in code.
func TestExploreResultsRaces(t *testing.T) {
	tests := []struct {
		desc  string
		races []string
		want  []string
		not   []string
	}{
		{desc: "one race", races: []string{"data race on `counter` (lines 14 and 14) in 31 of 100 schedules"},
			want: []string{`<ul class="explore-races"><li>⚠ data race on <code>counter</code> (lines 14 and 14) in 31 of 100 schedules</li></ul>`}},
		{desc: "a name that is markup is escaped", races: []string{"data race on `<b>` (lines 1 and 2) in 1 of 1 schedules"},
			want: []string{`<code>&lt;b&gt;</code>`}, not: []string{"<b>"}},
		{desc: "no race: no list", not: []string{"explore-races"}},
	}
	for _, tt := range tests {
		e := &ExplorePanel{res: &course.ExploreResult{Summary: "every schedule: 4 runs", Outcomes: []course.ExploreOutcome{{Output: "a\n", Runtime: true}}, Races: tt.races}}
		html := app.HTMLString(e.results())
		for _, w := range tt.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: lacks %q:\n%s", tt.desc, w, html)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(html, n) {
				t.Errorf("%s: has %q:\n%s", tt.desc, n, html)
			}
		}
	}
}
