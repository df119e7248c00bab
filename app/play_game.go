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
// game's panel, code and keys are the lesson page's (sched.go). The URL
// carries the goal (goal=, course.GoalChallenge) and the choices (sched=):
// a shared link opens the same game on the page's program.

// reachHere starts the game towards outcome o.
func (p *PlayPage) reachHere(ctx app.Context, o course.ExploreOutcome) {
	ch, ok := course.OutcomeChallenge(o)
	if !ok || p.variant == nil {
		return
	}
	p.state.Goal, p.state.Sched = ch.Goal, "-"
	p.startGame(ctx, ch, nil)
	ctx.Defer(func(app.Context) {
		if w := p.JSValue(); w != nil && w.Truthy() {
			if el := w.Call("querySelector", ".sched-panel"); el.Truthy() {
				el.Call("scrollIntoView")
			}
		}
	})
}

// startGame starts the game towards ch's goal, from choices.
func (p *PlayPage) startGame(ctx app.Context, ch *course.Challenge, choices []int) {
	p.variant.Challenge = ch
	p.gs = gameState{on: true, run: p.schedRun}
	p.run, p.svg = course.Drawing{}, ""
	p.markEditor()
	p.schedRun(ctx, choices, "", p.gameSeed(choices, ""))
}

// goalGame starts the game the URL asks for (goal=, sched=); false when
// it asks for none.
func (p *PlayPage) goalGame(ctx app.Context) bool {
	if p.state.Goal == "" || p.variant == nil {
		return false
	}
	ch, err := course.GoalChallenge(p.state.Goal)
	if err != nil { // ParsePlayQuery let only good goals through
		p.state.Goal = ""
		return false
	}
	choices, err := course.DecodeSched(p.state.Sched)
	if p.state.Sched == "" || err != nil {
		choices, p.state.Sched = nil, "-"
	}
	p.startGame(ctx, ch, choices)
	return true
}

// leaveGame goes back to the program's run.
func (p *PlayPage) leaveGame(ctx app.Context, e app.Event) {
	p.gs = gameState{}
	if p.variant != nil {
		p.variant.Challenge = nil
	}
	p.state.Goal, p.state.Sched = "", ""
	p.markEditor()
	if u, err := ctx.Page().URL().Parse(p.link(course.KindPlay, p.state)); err == nil {
		ctx.Page().ReplaceURL(u)
	}
	p.runNow(ctx)
}

// playGameView is the game's panel on /play: the lesson page's, with the
// solution's URL when the program is the page's own (a shared one, a
// lesson's, the default): the URL opens that program, not the edits.
func (p *PlayPage) playGameView() gameView {
	v := p.gameView()
	if v.game.Pause == nil && p.site != "" && p.state.Goal != "" && p.program() == p.source {
		s := course.ViewState{Sched: p.state.Sched, Seed: p.state.Seed, Goal: p.state.Goal}
		v.solution = p.site + p.programLink(course.KindPlay, s)
	}
	return v
}

// gameCol is /play's run column in the game: its panel over the run so
// far, and the way back. The editor beside it stays (go-app keeps its
// node, and with it the reader's edits); the picks run what it holds.
func (p *PlayPage) gameCol() app.UI {
	v := p.playGameView()
	return div("play-game",
		app.Div().Class("game-click").OnClick(p.onGameClick).Body(
			schedPanel(v, p.run.Trace),
			app.If(p.run.Trace != nil, func() app.UI { return app.Div().Body(p.timelineFig(), p.console()) }),
		),
		app.P().Class("game-leave").Body(
			button("ctl play-leave-game").Text("← back to your program's run").OnClick(p.leaveGame),
		),
	)
}
