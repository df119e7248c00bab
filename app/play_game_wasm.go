//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/timeline"
)

// schedRun runs the game's next state in the program's worker: the
// program as the editor holds it, with the game's choices (then: how it
// goes on by itself); the answer comes as a "trace" event (schedAnswer).
func (p *PlayPage) schedRun(ctx app.Context, choices []int, then string, seed int64) {
	lp := app.Window().Get("lanesPlay")
	if p.off || !lp.Truthy() {
		p.gs.err = "the playground's scripts are still loading: try again in a moment"
		return
	}
	src := p.program()
	p.variant.Code = src
	name := ""
	if p.id != "" && src == p.source {
		name = p.id
	}
	replay := make([]any, len(choices))
	for i, c := range choices {
		replay[i] = c
	}
	req := map[string]any{"seed": seed, "sched": true, "replay": replay, "then": then}
	p.message, p.notice, p.ed.sched, p.ed.stale = "", "", true, false
	lp.Call("run", src, req, p.ed.onEvent, name)
}

// schedAnswer shows the worker's answer to schedRun.
func (p *PlayPage) schedAnswer(ctx app.Context, text string) {
	p.ed.sched = false
	if !p.gs.on {
		return // the reader left the game meanwhile
	}
	s, err := course.DecodeScheduled([]byte(text))
	if err != nil {
		p.gs.err = err.Error()
		return
	}
	p.showGame(course.NewGame(s, p.variant.Code, p.variant.Challenge, timeline.Options{Scale: p.state.Scale}))
	p.gameMoved(ctx)
}
