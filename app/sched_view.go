package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// gState is where a goroutine stands after the events shown.
type gState struct {
	state trace.State
	what  string // what it waits for
	line  int32
}

// statesAt returns every goroutine's state after the first n events.
func statesAt(tr *trace.Trace, n int) map[trace.GoID]gState {
	out := map[trace.GoID]gState{}
	if tr == nil {
		return out
	}
	for _, e := range tr.Events[:min(max(n, 0), len(tr.Events))] {
		if e.Kind == trace.KindState {
			out[e.G] = gState{state: e.State, what: e.Text, line: e.Line}
		}
	}
	return out
}

// schedPanel is the game's panel: the challenge, who may run now (one
// button each, and time passing), who waits and for what, the actions,
// and the end: a win, or not.
func schedPanel(v gameView, tr *trace.Trace) app.UI {
	g := v.game
	return app.Section().Class("sched-panel").Aria("label", "scheduler").Body(
		challengeBox(v),
		app.If(v.err != "", func() app.UI { return pText("run-error", v.err) }),
		app.If(g.Pause != nil && tr != nil, func() app.UI { return pickBox(v, tr) }).
			Else(func() app.UI { return endBox(v, tr) }),
		div("sched-actions",
			actionButton("undo", "↶ Undo", "undo the last pick (u or Backspace)", g.Undo == nil),
			actionButton("restart", "⟲ Restart", "back to the start", len(g.Choices) == 0 && g.Pause != nil),
			actionButton("runtime", "Runtime from here", "let Go's scheduler decide the rest", g.Pause == nil),
			actionButton("random", "Random from here", "let chance decide the rest", g.Pause == nil),
		),
	)
}

func actionButton(do, label, title string, disabled bool) app.UI {
	return button("sched-do "+do).Attr("data-do", do).Title(title).Disabled(disabled).Text(label)
}

func challengeBox(v gameView) app.UI {
	c := v.challenge
	if c == nil {
		return pText("challenge none", "No challenge here: explore freely. Every pick is a scheduling decision Go's runtime could make.")
	}
	return div("challenge",
		app.P().Class("task").Body(
			app.Strong().Text(challengeLabel(c, v.solved)),
			app.Text(" "+c.Task),
		),
		app.If(c.Fixed(), func() app.UI {
			if c.Contrast {
				return pText("fixed-note", "The goal of “"+v.ofTitle+"”, on this program: try to reach it here too.")
			}
			return pText("fixed-note", "The goal of “"+v.ofTitle+"”, on the fixed program: try to break it anyway.")
		}),
		app.Range(c.Hints[:min(v.hints, len(c.Hints))]).Slice(func(i int) app.UI {
			return pText("hint-text", "Hint: "+c.Hints[i])
		}),
		app.If(!v.game.Won, func() app.UI {
			return challengeButtons(v)
		}),
		app.If(v.gaveUp && c.Fixed(), func() app.UI {
			return app.P().Class("impossible").Role("status").Text(upper(c.Impossible()) + ". The fix holds.")
		}),
		app.If(v.gaveUp && !c.Fixed() && c.Solution == "", func() app.UI {
			return app.P().Class("impossible").Role("status").Text(noSolution(len(c.Hints) > 0))
		}),
	)
}

// noSolution is what Give up says when no winning schedule is recorded
// (a goal made on /play): hints only where there are some.
func noSolution(hints bool) string {
	if hints {
		return "No winning schedule is recorded for this goal: try Random from here a few times, or follow the hints."
	}
	return "No winning schedule is recorded for this goal: try Random from here a few times. “What can happen?” lists the endings its search finds: if this one is not among them, the program may never reach it."
}

// upper capitalises the first letter of s.
func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func challengeButtons(v gameView) app.UI {
	c := v.challenge
	return div("challenge-do",
		app.If(v.hints < len(c.Hints), func() app.UI {
			return button("sched-do hint").Attr("data-do", "hint").Text("Hint")
		}),
		app.If(!v.gaveUp, func() app.UI {
			return button("sched-do giveup").Attr("data-do", "giveup").Text("Give up")
		}),
	)
}

func challengeLabel(c *course.Challenge, solved bool) string {
	switch {
	case solved && !c.Fixed():
		return "✓ Challenge (solved):"
	case c.Fixed() && c.Contrast:
		return "Now try this one:"
	case c.Fixed():
		return "Now try the fixed one:"
	}
	return "Challenge:"
}

// pickBox offers who runs next, or, at a select with several ready
// cases, which case proceeds.
func pickBox(v gameView, tr *trace.Trace) app.UI {
	p := v.game.Pause
	states := statesAt(tr, v.game.Shown)
	names := gameNames(tr)
	var waiting []trace.GoID
	for _, gr := range tr.Goroutines {
		st, ok := states[gr.ID]
		if ok && (st.state == trace.StateBlocked || st.state == trace.StateSleeping) && !slices.Contains(p.Goroutines, gr.ID) {
			waiting = append(waiting, gr.ID)
		}
	}
	keys := choiceKeys(p)
	question := "Who runs next?"
	if p.Select && len(p.Goroutines) > 0 {
		question = names(p.Goroutines[0]) + " is at a select with " + strconv.Itoa(len(p.Cases)) + " ready cases: which one proceeds?"
	}
	return div("pick",
		app.P().Class("sched-status").Aria("live", "polite").Text(fmt.Sprintf("Pick %d · %s · %s. %s",
			v.game.Picks+1, countOf(v.game.Preemptions, "preemption"), "at "+p.Now.String(), question)),
		app.If(p.Select, func() app.UI { return caseButtons(v, names) }).Else(func() app.UI {
			return div("picks",
				app.Range(p.Goroutines).Slice(func(i int) app.UI {
					id := p.Goroutines[i]
					what := "not started yet"
					if l := p.Lines[i]; l > 0 {
						what = "line " + strconv.Itoa(int(l))
					}
					if i == 0 && p.Running {
						what += ", goes on"
						if p.Doing != "" {
							what += ": " + p.Doing
						}
					} else if p.Running {
						what += " (a preemption)"
					}
					key := keys[i]
					title := "run " + names(id)
					if key == "" {
						key = "·"
					} else {
						title += " (key " + key + ")"
					}
					return app.Button().Class("pick-g "+laneColour(id)).Attr("data-pick", strconv.Itoa(int(id))).
						Title(title).Body(
						spanText("key", key),
						spanText("gname", names(id)),
						spanText("gwhat", what),
					)
				}),
				app.If(p.Slip, func() app.UI {
					return button("pick-g slip").Attr("data-pick", "0").Title("the clock jumps to the next timer though goroutines could run: a slow machine (key t)").Body(
						spanText("key", "t"),
						spanText("gname", "⏩ let time pass"),
						spanText("gwhat", "the next timer fires (a preemption)"),
					)
				}),
			)
		}),
		app.If(len(waiting) > 0, func() app.UI {
			return app.Ul().Class("waiting").Body(app.Range(waiting).Slice(func(i int) app.UI {
				id := waiting[i]
				st := states[id]
				what := "sleeping"
				if st.state == trace.StateBlocked {
					what = "blocked on " + st.what
				}
				if st.line > 0 {
					what += " (line " + strconv.Itoa(int(st.line)) + ")"
				}
				return app.Li().Class(laneColour(id)).Body(
					app.Span().Class("who "+laneColour(id)).Text(names(id)),
					app.Text(" "+what),
				)
			}))
		}),
	)
}

// gameNames names goroutines as the timeline's lanes and the code pane's
// badges do ("worker(1)", "func 2"), not by Go's symbol ("func1").
func gameNames(tr *trace.Trace) func(trace.GoID) string {
	if tr == nil {
		return func(trace.GoID) string { return "" }
	}
	display := timeline.Names(tr)
	return func(id trace.GoID) string {
		if int(id) > 0 && int(id) < len(display) && display[id] != "" {
			return display[id]
		}
		return tr.Goroutine(id).Name
	}
}

// caseButtons offers the ready cases of the select a pause waits at, one
// button each ("main: case <-done (line 14)").
func caseButtons(v gameView, names func(trace.GoID) string) app.UI {
	p := v.game.Pause
	g := p.Goroutines[0]
	return div("picks cases",
		app.Range(v.game.Cases).Slice(func(i int) app.UI {
			c := v.game.Cases[i]
			return app.Button().Class("pick-g pick-case "+laneColour(g)).Attr("data-case", strconv.Itoa(i)).
				Title("proceed with "+c.Text+" (key "+caseKey(i)+")").Body(
				spanText("key", caseKey(i)),
				spanText("gname", names(g)+":"),
				spanText("gwhat", c.Label()),
			)
		}),
	)
}

// endBox is the end of the run: a win, or not.
func endBox(v gameView, tr *trace.Trace) app.UI {
	g := v.game
	if tr == nil {
		return nil
	}
	how := tr.Outcome.Exit.String()
	if g.Won && v.gaveUp {
		return app.Div().Class("win shown").Role("status").Body(
			pText("win-title", "A winning schedule"),
			pText("win-figures", fmt.Sprintf("It takes %s and %s. Undo (u) walks back through its picks, Restart lets you find your own.", countOf(g.Picks, "pick"), countOf(g.Preemptions, "preemption"))),
		)
	}
	if g.Won {
		best := ""
		if c := v.challenge; c != nil && !c.Fixed() {
			best = fewestWords(c)
		}
		return app.Div().Class("win").Role("status").Body(
			pText("win-title", "Goal reached!"),
			pText("win-figures", fmt.Sprintf("You used %s and %s.%s", countOf(g.Picks, "pick"), countOf(g.Preemptions, "preemption"), best)),
			app.If(v.solution != "", func() app.UI {
				return app.P().Class("solution").Body(
					app.Text("Your solution, replayable: "),
					anchor("solution-link", v.solution).Text(shortURL(v.solution)),
				)
			}),
		)
	}
	msg := "The program ended (" + how + ")."
	if v.challenge != nil {
		msg += " The goal was not reached: Undo, or Restart."
	}
	return app.Div().Class("ended").Role("status").Body(app.P().Text(msg))
}

// fewestWords is the win screen's "against the fewest": the fewest
// preemptions possible and the fewest picks known, as far as they are
// known (" Fewest possible: … Fewest known: 7 picks.").
func fewestWords(c *course.Challenge) string {
	out := ""
	for _, w := range []string{c.FewestText(), c.FewestPicksText()} {
		if w != "" {
			out += " " + upper(w) + "."
		}
	}
	return out
}

// shortURL drops the scheme of a URL for display.
func shortURL(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		return u[i+3:]
	}
	return u
}

// schedCode is the program, highlighted as the lesson's code pane is
// (hl, the variant's Lines; plain escaped text when nil or stale), with
// each runnable goroutine's line marked in its lane's colour and badges
// to pick it in the gutter.
func schedCode(code string, hl []string, file string, v gameView) app.UI {
	lines := strings.Split(strings.TrimSuffix(code, "\n"), "\n")
	if len(hl) != len(lines) {
		hl = nil
	}
	at := map[int][]trace.GoID{}
	cases := map[int][]int{} // a select's ready cases by line
	pa := v.game.Pause
	if pa != nil && pa.Select {
		for i, c := range v.game.Cases {
			cases[c.Line] = append(cases[c.Line], i)
		}
	} else if pa != nil {
		for i, id := range pa.Goroutines {
			if l := pa.Lines[i]; l > 0 {
				at[int(l)] = append(at[int(l)], id)
			}
		}
	}
	tr := v.game.Trace
	names := gameNames(tr)
	var b strings.Builder
	b.WriteString(`<pre><code>`)
	for i, text := range lines {
		gs := at[i+1]
		b.WriteString(`<span class="line`)
		if cs := cases[i+1]; len(cs) > 0 {
			b.WriteString(" cur " + laneClass(pa.Goroutines[0]))
		} else if len(gs) > 0 {
			b.WriteString(" cur " + laneClass(gs[0]))
		}
		b.WriteString(`"`)
		src := ""
		if hl != nil {
			src = hl[i]
		}
		writeSrc(&b, i+1, text, src)
		b.WriteString(`</span><span class="whos picks-at">`)
		for j, g := range gs {
			if j == maxBadges {
				break
			}
			name := names(g)
			fmt.Fprintf(&b, `<button class="who pick-badge %s" data-pick="%d" title="run %s">%s %s</button>`,
				laneClass(g), g, timeline.EscapeHTML(name), choiceKey(pa, g), timeline.EscapeHTML(shorten(name, maxBadgeChars)))
		}
		for _, k := range cases[i+1] {
			fmt.Fprintf(&b, `<button class="who pick-badge %s" data-case="%d" title="proceed with this case">%s this case</button>`,
				laneClass(pa.Goroutines[0]), k, caseKey(k))
		}
		b.WriteString("</span></span>")
	}
	b.WriteString(`</code></pre>`)
	return app.Figure().Class("code").Body(
		app.FigCaption().Text(file),
		app.Raw(b.String()),
	)
}

// countOf is n and the noun one, plural unless n is 1: "0 preemptions",
// "1 pick".
func countOf(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + one + "s"
}
