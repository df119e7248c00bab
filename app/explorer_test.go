package app

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestChoicesEncoding(t *testing.T) {
	tests := []struct {
		desc    string
		choices []int
		want    string
		ok      bool
	}{
		{desc: "trailing zeros are dropped", choices: []int{1, 0, 2, 0, 0}, want: "102", ok: true},
		{desc: "all zeros is one digit", choices: []int{0, 0}, want: "0", ok: true},
		{desc: "no choices", choices: nil, want: "0", ok: true},
		{desc: "digits past 9 are letters", choices: []int{10, 35, 36, 61}, want: "azAZ", ok: true},
		{desc: "62 options do not fit", choices: []int{62}, ok: false},
		{desc: "negative", choices: []int{-1}, ok: false},
		{desc: "too long", choices: slices.Repeat([]int{1}, 2001), ok: false},
	}
	for _, tt := range tests {
		got, ok := EncodeChoices(tt.choices)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("%s: EncodeChoices(%v) = %q, %v; want %q, %v", tt.desc, tt.choices, got, ok, tt.want, tt.ok)
		}
		if !ok {
			continue
		}
		back, err := DecodeChoices(got)
		if err != nil {
			t.Errorf("%s: DecodeChoices(%q): %v", tt.desc, got, err)
		}
		trimmed := slices.Clone(tt.choices)
		for len(trimmed) > 0 && trimmed[len(trimmed)-1] == 0 {
			trimmed = trimmed[:len(trimmed)-1]
		}
		for len(back) > 0 && back[len(back)-1] == 0 {
			back = back[:len(back)-1]
		}
		if !slices.Equal(back, trimmed) {
			t.Errorf("%s: round trip %v → %q → %v", tt.desc, tt.choices, got, back)
		}
	}
	for _, bad := range []string{"", "a-b", "é", strings.Repeat("1", 2001)} {
		if _, err := DecodeChoices(bad); err == nil {
			t.Errorf("DecodeChoices(%q): no error", bad)
		}
	}
}

func FuzzDecodeChoices(f *testing.F) {
	f.Add("102")
	f.Add("zZ09")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeChoices(s)
		if err != nil {
			return
		}
		enc, ok := EncodeChoices(c)
		if !ok || strings.TrimRight(s, "0") != strings.TrimRight(enc, "0") {
			t.Errorf("%q decodes to %v, which encodes to %q, %v", s, c, enc, ok)
		}
	})
}

func TestViewStateReplay(t *testing.T) {
	tests := []struct {
		desc, query, want, note string
	}{
		{desc: "a recorded schedule", query: "replay=01a", want: "01a"},
		{desc: "not base 62", query: "replay=0-1", note: "ignored replay="},
		{desc: "markup is refused", query: `replay="><b>`, note: "ignored replay="},
	}
	for _, tt := range tests {
		s, notes := ParseViewState(mustQuery(t, tt.query))
		if s.Replay != tt.want {
			t.Errorf("%s: Replay %q, want %q", tt.desc, s.Replay, tt.want)
		}
		if tt.note != "" && (len(notes) == 0 || !strings.Contains(notes[0], tt.note)) {
			t.Errorf("%s: notes %q, want one with %q", tt.desc, notes, tt.note)
		}
		if tt.want != "" {
			if back, _ := ParseViewState(mustQuery(t, s.Query())); back != s {
				t.Errorf("%s: Query round trip: %+v → %q → %+v", tt.desc, s, s.Query(), back)
			}
		}
	}
}

// panelHarness starts exploring as soon as it is mounted by the test
// engine (natively OnPreRender runs, DOM clicks do not).
type panelHarness struct {
	ExplorePanel
}

func (h *panelHarness) OnPreRender(ctx app.Context) { h.onRun(ctx, app.Event{}) }

func TestExplorePanelRunsAndLinks(t *testing.T) {
	withCatalog(t, fakeCatalog{})
	h := &panelHarness{ExplorePanel{Slug: "hello-waitgroup", Variant: "fixed", State: DefaultViewState(), RealHTML: "<p>real runs</p>"}}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(h)
	for _, want := range []string{
		"What can happen?", "not how often real hardware does it", "<p>real runs</p>",
		"3 random schedules", "2 outcomes", "66.7%", "killed at exit: func1 (line 12) ×2",
		`href="/lesson/hello-waitgroup?seed=2&amp;strategy=random"`, `href="/lesson/hello-waitgroup?replay=1"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("after exploring, the panel lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<progress") {
		t.Errorf("the progress bar is still shown after the run")
	}
}

// fakeCatalog is the placeholder plus an explorer with fixed answers and a
// variant with a slider.
type fakeCatalog struct{ placeholder }

func (fakeCatalog) Lessons() []Lesson {
	ls := placeholder{}.Lessons()
	v := ls[0].Variants[0]
	twin := v
	twin.Name, twin.Parent, twin.ParamName, twin.ParamValue = "fixed-n-2", "fixed", "n", "2"
	twin.Code = strings.Replace(v.Code, "i <= 2", "i <= 3", 1)
	self := v
	self.ParamName, self.ParamValue = "n", "1"
	v.ParamName, v.ParamValue, v.Params = "n", "1", []Variant{self, twin}
	v.RealHTML = "<p>measured</p>"
	ls[0].Variants[0] = v
	return ls
}

func (fakeCatalog) Explore(slug, variant string, req ExploreRequest, progress func(done, total int) bool) (ExploreResult, error) {
	for i := 1; i <= 3; i++ {
		progress(i, 3)
	}
	return ExploreResult{Strategy: "random", Runs: 3, Outcomes: []ExploreOutcome{
		{Output: "worker 1\n", Exit: "ok", Killed: []string{"func1 (line 12)", "func1 (line 12)"}, Count: 2, Strategy: "random", Seed: 2},
		{Output: "worker 1\nworker 2\n", Exit: "ok", Count: 1, Replay: "1"},
	}}, nil
}

func (fakeCatalog) Replay(slug, variant string, choices []int) (Run, error) {
	r, err := placeholder{}.Run(slug, variant, 0, "replay")
	r.Trace.Outcome.Output = "replayed\n"
	return r, err
}

func withCatalog(t *testing.T, c Catalog) {
	old := CurrentCatalog()
	SetCatalog(c)
	t.Cleanup(func() { SetCatalog(old) })
}

func TestLessonPageExtras(t *testing.T) {
	withCatalog(t, fakeCatalog{})
	tests := []struct {
		desc     string
		url      string
		contains []string
		absent   []string
	}{
		{desc: "the explorer and the real runs", url: "/lesson/hello-waitgroup",
			contains: []string{`class="explore"`, "Run schedules", "<p>measured</p>"},
			absent:   []string{`class="memory"`}},
		{desc: "the slider on its own position", url: "/lesson/hello-waitgroup",
			contains: []string{`class="param-range"`, `href="/lesson/hello-waitgroup?variant=fixed-n-2"`, "i &lt;= 2"}},
		{desc: "a param twin shows its own code and keeps its variant tab selected", url: "/lesson/hello-waitgroup?variant=fixed-n-2",
			contains: []string{"i &lt;= 3", `class="variant selected"`, "this one runs in the simulator only"},
			absent:   []string{"has no variant"}},
		{desc: "a replayed schedule", url: "/lesson/hello-waitgroup?replay=10",
			contains: []string{"a recorded one"}},
		{desc: "embed pages have no extras", url: "/embed/hello-waitgroup",
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
		if strings.Contains(tt.url, "replay=") && p.run.Trace.Outcome.Output != "replayed\n" {
			t.Errorf("%s: the page did not run the replay", tt.desc)
		}
	}
}

func mustQuery(t *testing.T, q string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
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
