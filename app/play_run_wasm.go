//go:build wasm

package app

// A program page's runs in the browser: Run builds the program on the
// server and runs its module in web/play.js's worker (runNow); its
// reports (event) draw the run, or say why there is none.

import (
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
)

// replayHere shows an explored outcome's run ("replay this", href from
// programLink) in this page: the view state from href's query, the URL
// replaced, and the editor's program run again in that view; it plays
// from the start (Autoplay) with the timeline scrolled into view.
func (p *PlayPage) replayHere(ctx app.Context, href string) {
	u, err := url.Parse(href)
	if err != nil {
		return
	}
	_, state, _ := course.ParsePlayQuery(u.Query())
	p.state = state
	if cur := ctx.Page().URL(); cur != nil {
		next := *cur
		next.RawQuery = u.RawQuery
		ctx.Page().ReplaceURL(&next)
	}
	if w := p.JSValue(); w != nil && w.Truthy() {
		if wb := w.Call("querySelector", ".workbench"); wb.Truthy() {
			wb.Call("scrollIntoView")
		}
	}
	p.runNow(ctx)
}

// runNow builds and runs the program in the page's view.
func (p *PlayPage) runNow(ctx app.Context) {
	if p.off {
		return
	}
	lp := app.Window().Get("lanesPlay")
	if !lp.Truthy() {
		p.ed.pending = true
		return
	}
	src := p.program()
	if p.static && (p.id == "" || src != p.source) {
		// A static copy runs only the modules it ships: the program
		// pages' own, unedited.
		p.message, p.notice, p.ed.stale = "", staticEdited, false
		return
	}
	p.setProgram(src)
	p.ed.sched = false
	if p.ed.mounted() {
		p.ed.editor.Call("mark", app.Window().Get("Array").New())
	}
	p.message, p.notice, p.phase, p.elapsed, p.ed.stale = "", "", "building", 0, false
	p.stopTicker()
	p.ed.ticker = app.Window().Call("setInterval", p.ed.onTick, 1000)
	strategy, seed := p.state.Schedule()
	name := "" // a program page's own program: its module may be built already
	if p.id != "" && src == p.source {
		name = p.id
	}
	req := map[string]any{"seed": seed, "strategy": strategy}
	if p.state.Replay != "" { // an explored outcome's "replay this"
		if choices, err := course.DecodeChoices(p.state.Replay); err == nil {
			replay := make([]any, len(choices))
			for i, c := range choices {
				replay[i] = c
			}
			req["replay"] = replay
		}
	}
	lp.Call("run", src, req, p.ed.onEvent, name)
}

func (p *PlayPage) stopTicker() {
	if p.ed.ticker != nil && p.ed.ticker.Truthy() {
		app.Window().Call("clearInterval", p.ed.ticker)
	}
	p.ed.ticker = nil
}

// event is one report of lanesPlay.run.
func (p *PlayPage) event(ctx app.Context, kind, text string) {
	switch kind {
	case "building":
		p.phase = "building"
	case "running":
		p.phase = "running"
		p.stopTicker()
	case "diags":
		if p.ed.mounted() {
			p.ed.editor.Call("mark", app.Window().Get("JSON").Call("parse", text))
		}
	case "error":
		p.phase = ""
		p.stopTicker()
		if text != "stopped" {
			p.message = text
		}
	case "trace":
		p.phase = ""
		p.stopTicker()
		if p.ed.sched {
			p.schedAnswer(ctx, text)
			break
		}
		tr, err := trace.Unmarshal([]byte(text))
		if err != nil {
			p.message = "the run's trace could not be read: " + err.Error()
			return
		}
		if p.state.Replay != "" && !course.ReplayFits(p.state.Replay, tr) {
			// A made-up replay, or one of another program (the reader
			// edited it since the explore): its own run instead.
			p.notes = append(p.notes, "ignored replay="+course.QuoteShort(p.state.Replay)+": not a schedule of this program: showing its run")
			p.state.Replay = ""
			if u, err := ctx.Page().URL().Parse(p.link(kindOf(p.embed), p.state)); err == nil {
				ctx.Page().ReplaceURL(u)
			}
			p.runNow(ctx)
			return
		}
		p.setTrace(tr)
		ctx.Defer(func(ctx app.Context) {
			p.moved(ctx)
			// How many runs this page has drawn: make bench's run-to-timeline
			// time (e2e TestPlayBench) waits for it to change.
			ds := app.Window().Get("document").Get("documentElement").Get("dataset")
			n := 0
			if v := ds.Get("lanesRuns"); v.Truthy() {
				n, _ = strconv.Atoi(v.String())
			}
			ds.Set("lanesRuns", strconv.Itoa(n+1))
		})
	}
	if kind == "error" && text != "stopped" {
		p.run, p.svg = course.Drawing{}, "" // no older program's run under the message
	}
	// The timeline's node may have been made afresh (at the run's start):
	// put the playhead and the reveal back where the player is.
	ctx.Defer(func(app.Context) {
		p.syncPlayhead()
		if kind == "trace" || kind == "error" {
			markReady() // a program page's run (or why there is none) is drawn
		}
	})
}
