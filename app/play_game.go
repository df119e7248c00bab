package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// Custom goals on /play: the explorer's "reach it yourself" starts the
// scheduler game on the reader's own program, with that outcome (its
// exact output and exit, course.OutcomeChallenge) as the goal. The game
// runs in the program's worker (schedRun, play_game_wasm.go): every pick
// is a run of the module with the game's choices, answered later. The
// game's panel, code and keys are the lesson page's (sched.go); its state
// stays in the page (a URL cannot carry a custom goal).

// reachHere starts the game towards outcome o.
func (p *PlayPage) reachHere(ctx app.Context, o course.ExploreOutcome) {
	ch, ok := course.OutcomeChallenge(o)
	if !ok || p.variant == nil {
		return
	}
	p.variant.Challenge = ch
	p.gs = gameState{on: true, run: p.schedRun}
	p.run, p.svg = course.Drawing{}, ""
	p.schedRun(ctx, nil, "", p.gameSeed(nil, ""))
	ctx.Defer(func(app.Context) {
		if w := p.JSValue(); w != nil && w.Truthy() {
			if el := w.Call("querySelector", ".sched-panel"); el.Truthy() {
				el.Call("scrollIntoView")
			}
		}
	})
}

// leaveGame goes back to the program's run.
func (p *PlayPage) leaveGame(ctx app.Context, e app.Event) {
	p.gs = gameState{}
	if p.variant != nil {
		p.variant.Challenge = nil
	}
	p.runNow(ctx)
}

// gameCol is /play's run column in the game: its panel over the run so
// far, and the way back. The editor beside it stays (go-app keeps its
// node, and with it the reader's edits); the picks run what it holds.
func (p *PlayPage) gameCol() app.UI {
	v := p.gameView()
	return app.Div().Class("play-game").Body(
		app.Div().Class("game-click").OnClick(p.onGameClick).Body(
			schedPanel(v, p.run.Trace),
			app.If(p.run.Trace != nil, func() app.UI { return app.Div().Body(p.timelineFig(), p.console()) }),
		),
		app.P().Class("game-leave").Body(
			app.Button().Class("ctl play-leave-game").Text("← back to your program's run").OnClick(p.leaveGame),
		),
	)
}
