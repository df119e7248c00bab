//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
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
	readyAfterNav(ctx) // a program page opened in the game: ready once drawn
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
	p.markEditor()
}

// markEditor shows the game's pause in the editor (editorMarks): each
// runnable goroutine's line and its badge; none out of the game or once
// it ended.
func (p *PlayPage) markEditor() {
	if !p.ed.mounted() {
		return
	}
	var marks []editorMark
	if p.gs.on {
		marks = editorMarks(p.gameView())
	}
	list := make([]any, len(marks))
	for i, m := range marks {
		badges := make([]any, len(m.Badges))
		for j, b := range m.Badges {
			badges[j] = map[string]any{"kind": b.Kind, "value": b.Value, "text": b.Text, "title": b.Title, "colour": b.Colour}
		}
		list[i] = map[string]any{"line": m.Line, "colour": m.Colour, "badges": badges}
	}
	p.ed.editor.Call("game", list, p.ed.onPick)
}

// onEditorPick is a click on a badge in the editor: kind "pick" (a
// goroutine) or "case" (a select's ready case).
func (p *PlayPage) onEditorPick(ctx app.Context, kind string, value int) {
	if !p.gs.on || p.ed.sched {
		return // out of the game, or the last pick is still running
	}
	if kind == "case" {
		p.pickCase(ctx, value)
		return
	}
	p.pick(ctx, trace.GoID(value))
}
