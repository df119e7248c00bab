package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/sim/trace"
)

// Stepping moves by what a reader counts as a step, not by raw events:
//
//   - by event: the next event that says something; a goroutine becoming
//     runnable or starting to run with nothing else is folded into the
//     events around it (40 % of a small run is such noise);
//   - by line: the next source line of the focused goroutine (the one that
//     did the last event shown; main at the start), as a debugger's
//     "next" does.

// noise reports whether event e only says a goroutine became runnable or
// runs: the events around it say what matters.
func noise(e *trace.Event) bool {
	return e.Kind == trace.KindState && (e.State == trace.StateRunnable || e.State == trace.StateRunning)
}

// focused is the goroutine whose lines line stepping follows at pos.
func focused(t *trace.Trace, pos int) trace.GoID {
	for k := min(pos, len(t.Events)) - 1; k >= 0; k-- {
		if g := t.Events[k].G; g != trace.NoGoroutine {
			return g
		}
	}
	return 1
}

// stepTarget is where a step in direction dir (+1 or -1) from pos lands:
// the position just after the next (or previous) event that counts, or
// the run's end (or start) when there is none.
func stepTarget(t *trace.Trace, pos, dir int, byLine bool) int {
	if t == nil || len(t.Events) == 0 {
		return 0
	}
	n := len(t.Events)
	g := focused(t, pos)
	counts := func(e *trace.Event) bool {
		if byLine {
			return e.Kind == trace.KindStmt && e.G == g
		}
		return !noise(e)
	}
	if dir > 0 {
		for p := pos + 1; p <= n; p++ {
			if counts(&t.Events[p-1]) {
				return p
			}
		}
		return n
	}
	for p := pos - 1; p >= 1; p-- {
		if counts(&t.Events[p-1]) {
			return p
		}
	}
	return 0
}

// stepBy steps once in direction dir in the page's stepping mode, and
// pauses.
func (p *LessonPage) stepBy(dir int) {
	if p.run.Trace == nil {
		p.pl.step(dir)
		return
	}
	p.pl.playing = false
	p.pl.seek(stepTarget(p.run.Trace, p.pl.pos, dir, p.pl.byLine))
}

// stepModeButton switches the step buttons between events and lines.
func (p *LessonPage) stepModeButton() app.UI {
	label, title := "by event", "◀ ▶ step by event (runnable and runs fold into their neighbours); click to step by source line (L)"
	if p.pl.byLine {
		label, title = "by line", "◀ ▶ step to the next source line of the goroutine in focus, as a debugger's next; click to step by event (L)"
	}
	return button("ctl stepmode").Title(title).Aria("pressed", p.pl.byLine).Text(label).OnClick(p.onStepMode)
}

func (p *LessonPage) onStepMode(ctx app.Context, e app.Event) { p.pl.byLine = !p.pl.byLine }
