//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// A program page's still in the browser. The server (or lanes static)
// made the program's first run once, and prerendered the page with it
// (play_still_other.go), its trace inlined in the page (play_inline.go)
// unless big, then fetched here (askStill); the browser shows that same
// run at once (at the view's t=, else at the start, as lessons open;
// playing from the start with autoplay), instead of building the program, fetching its
// module and running it again: the module is fetched only when the reader
// runs, explores or plays the game (runNow, exploreFunc, schedRun, which
// all go through web/play.js). The still is the run Run would give: the
// program unedited, strategy runtime, seed 1 (progbuild's Still); any
// other view (another seed or strategy, a replay) runs the program.

// askStill asks web/play.js for the page's still when the page's first
// run may be it; false when it may not (runNow then runs the program).
func (p *PlayPage) askStill() bool {
	if !p.ed.useStill {
		return false
	}
	p.ed.useStill = false
	if !p.stillIsRun() {
		return false
	}
	lp := app.Window().Get("lanesPlay")
	if !lp.Truthy() || !lp.Get("still").Truthy() {
		return false
	}
	lp.Call("still", p.id, p.ed.onStill)
	return true
}

// stillIsRun says whether the page's still is the run its view asks for:
// the program unedited, strategy runtime, seed 1, no replay, no game.
func (p *PlayPage) stillIsRun() bool {
	strategy, seed := p.state.Schedule()
	return p.id != "" && p.state.Replay == "" && p.state.Goal == "" && strategy == course.Strategies[0] && seed == 1 && p.program() == p.source
}

// gotStill shows the still web/play.js found, or runs the program when
// there is none (yet) or the reader has started something meanwhile.
func (p *PlayPage) gotStill(ctx app.Context, kind, text string) {
	if p.phase != "" || p.gs.on || p.run.Trace != nil {
		return // a run, an explore or the game began meanwhile: theirs is shown
	}
	var tr *trace.Trace
	if kind == "trace" {
		var err error
		if tr, err = trace.Unmarshal([]byte(text)); err != nil {
			tr = nil
		}
	}
	if tr == nil || p.program() != p.source {
		p.runNow(ctx)
		return
	}
	p.drawStill(tr)
	p.stillShown(ctx)
}

// drawStill shows tr, the page's still, as a lesson's page shows its run
// in the browser: at the view's t=, else at the start (the prerender shows
// the end: the whole run); playing from the start with autoplay.
func (p *PlayPage) drawStill(tr *trace.Trace) {
	p.inst = instrument{}
	p.run = p.fitted(course.Draw(tr, timeline.Options{Scale: p.state.Scale}))
	p.runErr, p.message = "", ""
	n := len(tr.Events)
	switch {
	case p.state.Autoplay:
		p.pl.reset(n, 0)
		p.pl.toggle()
	case p.state.T.IsEnd():
		p.pl.reset(n, 0) // no t=: at the start, as a lesson's page and embed open (openAtStart)
	default:
		p.pl.reset(n, p.state.T.Shown(n))
	}
	p.svg = p.themed(p.run.WithPlayhead(p.pl.pos))
	p.notice = course.OutcomeNote(tr.Outcome)
}

// stillShown finishes showing the still as the page's run, once drawn:
// the playhead, and the app marked ready.
func (p *PlayPage) stillShown(ctx app.Context) {
	app.Window().Get("document").Get("documentElement").Get("dataset").Set("lanesStill", "1") // e2e: the still is shown, nothing was run
	ctx.Defer(func(ctx app.Context) {
		p.moved(ctx)
		markReady()
	})
}
