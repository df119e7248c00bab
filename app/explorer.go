package app

import (
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim"
	"lanes/timeline"
)

// ExplorePanel is "What can happen?" on a lesson page: a button that runs
// many schedules of the current variant in the browser (ctx.Async, yielding
// to the page between slices of work, with a progress bar), then the words
// of lanes explore: a summary of what was searched (complete, or where it
// stopped), each outcome "found in N of M schedules" (no percentage: no
// count is a likelihood), the runtime strategy's first and marked "Go on one
// CPU, timers on time", those real Go printed marked "seen on real Go", each
// with a link that replays it; beside them what the program did on the
// real Go runtime.
//
// Prerendered, it shows the button and the real-Go table; exploring runs in
// the page (natively in tests).
type ExplorePanel struct {
	app.Compo

	Course   *course.Course
	Slug     string
	Variant  string           // the variant's name (a param twin's own name)
	State    course.ViewState // the page's state, for replay links
	RealHTML string           // trusted HTML: the variant on real Go
	Heavy    bool             // a program with many goroutines: random and fewer runs by default
	// Explore, when set, explores instead of Course: the playground runs
	// the reader's program module in its worker. It blocks until done,
	// calling progress as Course.Explore does.
	Explore func(req course.ExploreRequest, progress func(done, total int) bool) (course.ExploreResult, error)
	// Link, when set, makes a replay link's URL from its view state (the
	// playground's own page) instead of the lesson's.
	Link func(s course.ViewState) string
	// Replay, when set, replays a "replay this" view in the page itself
	// (its outcomes get buttons, not links): go-app's navigation would
	// make the page afresh (a new component for another query), losing
	// the reader's edits.
	Replay func(ctx app.Context, href string)
	// Reach, when set, gives each outcome a "reach it yourself" button:
	// the page starts the scheduler game with that outcome as its goal.
	Reach func(ctx app.Context, o course.ExploreOutcome)

	mode    string
	runs    int
	running bool
	done    int
	total   int
	stop    *atomic.Bool
	res     *course.ExploreResult
	resFor  string // Slug/Variant the result is about
	err     string
	elapsed time.Duration
}

// exploreSlice is how long the exploring goroutine works before it lets the
// page repaint (yieldToPage).
const exploreSlice = 40 * time.Millisecond

// yieldToPage gives the browser its turn (set in explorer_wasm.go);
// natively nothing needs it.
var yieldToPage = func() {}

func (e *ExplorePanel) key() string { return e.Slug + "/" + e.Variant }

func (e *ExplorePanel) settings() (string, int) {
	mode, runs := e.mode, e.runs
	if mode == "" {
		mode = course.ExploreModes[0]
		if e.Heavy {
			mode = "random" // a bounded search of a 1,000-goroutine program would stop at ExhaustiveLimit slow runs
		}
	}
	if runs == 0 {
		runs = 1000
		if e.Heavy {
			runs = 100
		}
	}
	return mode, runs
}

func (e *ExplorePanel) onMode(ctx app.Context, ev app.Event) {
	if v := ctx.JSSrc().Get("value").String(); slices.Contains(course.ExploreModes, v) {
		e.mode = v
	}
}

func (e *ExplorePanel) onRuns(ctx app.Context, ev app.Event) {
	if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && (n == 100 || n == 1000 || n == 10000) {
		e.runs = n
	}
}

func (e *ExplorePanel) onStop(ctx app.Context, ev app.Event) {
	if e.stop != nil {
		e.stop.Store(true)
	}
}

// onRun starts exploring in the background.
func (e *ExplorePanel) onRun(ctx app.Context, ev app.Event) {
	if (e.Course == nil && e.Explore == nil) || e.running {
		return
	}
	c, explore := e.Course, e.Explore
	mode, runs := e.settings()
	req := course.ExploreRequest{Mode: mode, Runs: runs, Seed: 1}
	slug, variant, key := e.Slug, e.Variant, e.key()
	stop := &atomic.Bool{}
	e.running, e.done, e.total, e.stop, e.res, e.err = true, 0, runs, stop, nil, ""
	ctx.Async(func() {
		start := time.Now()
		last := start
		progress := func(done, total int) bool {
			if time.Since(last) >= exploreSlice {
				ctx.Dispatch(func(ctx app.Context) { e.done, e.total = done, total })
				yieldToPage()
				last = time.Now()
			}
			return !stop.Load()
		}
		var res course.ExploreResult
		var err error
		if explore != nil {
			res, err = explore(req, progress)
		} else {
			res, err = c.Explore(slug, variant, req, progress)
		}
		took := time.Since(start)
		ctx.Dispatch(func(ctx app.Context) {
			e.running, e.stop = false, nil
			if err != nil {
				e.err = err.Error()
				return
			}
			e.res, e.resFor, e.elapsed = &res, key, took
		})
	})
}

// onResultsClick replays an outcome in the page: through Replay (its
// buttons), or by following a "replay this" link with go-app's navigation.
func (e *ExplorePanel) onResultsClick(ctx app.Context, ev app.Event) {
	if b := ev.Get("target").Call("closest", "button.reach"); b.Truthy() && e.Reach != nil && e.res != nil {
		if i, err := strconv.Atoi(b.Call("getAttribute", "data-outcome").String()); err == nil && i >= 0 && i < len(e.res.Outcomes) {
			e.Reach(ctx, e.res.Outcomes[i])
		}
		return
	}
	if e.Replay != nil {
		if b := ev.Get("target").Call("closest", "button.replay"); b.Truthy() {
			e.Replay(ctx, b.Call("getAttribute", "data-href").String())
		}
		return
	}
	a := ev.Get("target").Call("closest", "a.replay")
	if !a.Truthy() {
		return
	}
	ev.PreventDefault()
	ctx.Navigate(a.Call("getAttribute", "href").String())
}

// Render draws the panel.
func (e *ExplorePanel) Render() app.UI {
	canExplore := e.Course != nil || e.Explore != nil
	mode, runs := e.settings()
	return app.Section().Class("explore").Aria("label", "What can happen?").Body(
		div("explore-main",
			app.H2().Text("What can happen?"),
			pText("explore-note", "Runs this program under many schedules, right here in your browser, and groups the runs by how they ended. These are counts over possible schedules, not how often real hardware does it."),
			div("explore-bar",
				app.Select().Class("explore-mode").Aria("label", "strategy").OnChange(e.onMode).Body(
					app.Range(course.ExploreModes).Slice(func(i int) app.UI {
						return option(course.ExploreModes[i], modeLabel(course.ExploreModes[i]), course.ExploreModes[i] == mode)
					}),
				),
				e.runsSelect(mode, runs),
				app.If(e.running, func() app.UI {
					return button("explore-stop").Text("Stop").OnClick(e.onStop)
				}).Else(func() app.UI {
					b := button("explore-run").Text("Run schedules").OnClick(e.onRun)
					if !canExplore {
						b = b.Disabled(true) // Disabled(false) would still render the attribute
					}
					return b
				}),
			),
			app.If(e.running, func() app.UI {
				return div("explore-progress",
					app.Progress().Max(e.total).Value(e.done).Aria("label", "schedules run"),
					app.Span().Text(" "+strconv.Itoa(e.done)+" / "+strconv.Itoa(e.total)),
				)
			}),
			app.If(e.err != "", func() app.UI { return pText("run-error", e.err) }),
			app.If(e.res != nil && e.resFor == e.key(), func() app.UI {
				if e.Link != nil { // replay in the page: a reload would lose the reader's edits
					return app.Div().Class("explore-in-page").OnClick(e.onResultsClick).Body(e.results())
				}
				return e.results()
			}),
		),
		app.If(e.RealHTML != "", func() app.UI {
			return app.Raw(`<div class="explore-real">` + e.RealHTML + `</div>`)
		}),
	)
}

func option(value, label string, selected bool) app.UI {
	o := app.Option().Value(value).Text(label)
	if selected {
		o = o.Selected(true)
	}
	return o
}

// runsSelect is how many schedules random and pct run. The bounded
// search ("auto") runs every schedule within its bound, up to
// course.ExhaustiveLimit: the choice is off then, and says so.
func (e *ExplorePanel) runsSelect(mode string, runs int) app.UI {
	sel := app.Select().Class("explore-runs").Aria("label", "schedules").OnChange(e.onRuns)
	if mode == "auto" {
		sel = sel.Disabled(true).Title("The bounded search runs every schedule within its bound (at most " + sim.Thousands(course.ExhaustiveLimit) + "): the count is for random and pct")
	}
	return sel.Body(
		option("100", "100 schedules", runs == 100),
		option("1000", "1,000 schedules", runs == 1000),
		option("10000", "10,000 schedules", runs == 10000),
	)
}

func modeLabel(m string) string {
	switch m {
	case "auto":
		return course.AutoLabel
	case "pct":
		return "pct (priority-based)"
	}
	return m
}

// results renders the outcomes as one trusted HTML table (escaped here).
func (e *ExplorePanel) results() app.UI {
	r := e.res
	var b strings.Builder
	b.WriteString(`<div class="explore-results"><p class="explore-summary">` + timeline.EscapeHTML(capitalize(r.Summary)) + `.</p>`)
	b.WriteString(`<table class="outcomes"><tr><th>found in</th><th>how the program ended</th></tr>`)
	late := 0
	for _, o := range r.Outcomes {
		if o.Slip && !o.Runtime {
			late++
		}
	}
	for i, o := range r.Outcomes {
		if o.Slip && !o.Runtime && late > 0 {
			// Listed last (course orders them so): a heading keeps the many
			// endings of slipped time apart from what happens on time.
			b.WriteString(`<tr class="slip-head"><td colspan="2">` + timeline.EscapeHTML(course.SlipHead(late)) + `</td></tr>`)
			late = 0
		}
		class := "outcome"
		if o.Runtime {
			class += " runtime"
		}
		b.WriteString(`<tr class="` + class + `"><td class="count">` + timeline.EscapeHTML(o.Found) + `</td><td>`)
		if o.Runtime || o.SeenReal || o.Slip {
			b.WriteString(`<p class="marks">`)
			if o.Runtime {
				b.WriteString(`<span class="mark runtime-mark">` + course.RuntimeLabel + `</span> `)
			}
			if o.SeenReal {
				b.WriteString(`<span class="mark real-mark" title="` + timeline.EscapeHTML(course.SeenRealTitle) + `">` + course.SeenRealLabel + `</span> `)
			}
			if o.Slip {
				b.WriteString(`<span class="mark slip-mark" title="` + timeline.EscapeHTML(course.SlipTitle) + `">` + course.SlipLabel + `</span>`)
			}
			b.WriteString(`</p>`)
		}
		out := o.Output
		if out == "" {
			out = "(no output)\n"
		}
		b.WriteString(`<pre>` + timeline.EscapeHTML(out) + `</pre><p class="end">`)
		if o.Stderr != "" {
			b.WriteString(`<code>` + timeline.EscapeHTML(o.Stderr) + `</code>`)
		} else {
			b.WriteString("exit: " + timeline.EscapeHTML(o.Exit))
		}
		for _, k := range grouped(o.Killed) {
			b.WriteString(`<br>✂ killed at exit: ` + timeline.EscapeHTML(k))
		}
		for _, l := range grouped(o.Leaked) {
			b.WriteString(`<br>⚠ leaked: ` + timeline.EscapeHTML(l))
		}
		if u := e.replayLink(o); u != "" && e.Replay != nil {
			// A button, not a link: go-app follows every link click
			// (window.onclick), which would make the page afresh.
			b.WriteString(` <button type="button" class="replay in-page" data-href="` + timeline.EscapeHTML(u) + `">replay this ▸</button>`)
		} else if u != "" {
			b.WriteString(` <a class="replay" href="` + timeline.EscapeHTML(u) + `">replay this ▸</a>`)
		}
		if _, ok := course.OutcomeChallenge(o); ok && e.Reach != nil {
			// A button too: the game plays in the page.
			b.WriteString(` <button type="button" class="reach in-page" data-outcome="` + strconv.Itoa(i) + `">reach it yourself ▸</button>`)
		}
		b.WriteString(`</p></td></tr>`)
	}
	b.WriteString(`</table>`)
	if len(r.Races) > 0 {
		b.WriteString(`<ul class="explore-races">`)
		for _, rc := range r.Races {
			b.WriteString(`<li>⚠ ` + codeSpansHTML(rc) + `</li>`)
		}
		b.WriteString(`</ul>`)
	}
	b.WriteString(`</div>`)
	return app.Raw(b.String())
}

// capitalize starts a summary with a capital letter.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// grouped turns a sorted list with repeats into "x ×3" items.
func grouped(items []string) []string {
	var out []string
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && items[j] == items[i] {
			j++
		}
		if j-i > 1 {
			out = append(out, items[i]+" ×"+strconv.Itoa(j-i))
		} else {
			out = append(out, items[i])
		}
		i = j
	}
	return out
}

// replayLink is the lesson URL that shows one schedule of an outcome.
func (e *ExplorePanel) replayLink(o course.ExploreOutcome) string {
	s := e.State
	s.T, s.Autoplay = course.End, true // it plays from the start
	switch {
	case o.Replay != "":
		s.Replay = o.Replay
	case o.Strategy == "random" || o.Strategy == "pct":
		s.Strategy, s.Seed, s.Replay = o.Strategy, o.Seed, ""
	default:
		return ""
	}
	if e.Link != nil {
		u := e.Link(s)
		if u == "" { // the page offers no replay
			return ""
		}
		return href(u)
	}
	return href(s.URL(course.KindLesson, e.Slug))
}

// codeSpansHTML is codeSpans for a raw HTML string: s escaped, its
// `quoted` parts in code.
func codeSpansHTML(s string) string {
	parts := strings.Split(s, "`")
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString(`<code>` + timeline.EscapeHTML(p) + `</code>`)
			continue
		}
		if i%2 == 1 {
			b.WriteString("`")
		}
		b.WriteString(timeline.EscapeHTML(p))
	}
	return b.String()
}
