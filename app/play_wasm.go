//go:build wasm

package app

import (
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// editorState is the browser half of the play page: the editor (from
// web/editor.js), the runner (web/play.js) and the callbacks they call.
type editorState struct {
	ctx      app.Context
	editor   app.Value // lanesEditor.mount's answer; nil until mounted
	loaded   int       // scripts loaded (editor.js, play.js)
	onLoad   app.Func
	onRun    app.Func // Ctrl+Enter in the editor
	onEvent  app.Func // lanesPlay.run's reports
	onShared app.Func
	onSource app.Func
	onFormat app.Func
	onChange app.Func
	stale    bool      // edited since the run shown
	ticker   app.Value // setInterval's id while building
	onTick   app.Func
	fetching bool // a shared program is being fetched
	status   int  // what the server does: 0 not asked, 1 asking, 2 known (PlayPage.off)
	onStatus app.Func
	pending  bool        // run once the editor is there
	explored atomic.Bool // the reader started an explore: the page's first run gives way to it (set by the explorer's goroutine)
	useStill bool        // a program page's first run: show its still if it has one (play_still_wasm.go)
	onStill  app.Func
	sched    bool     // the run in flight is the scheduler game's (schedRun)
	onPick   app.Func // a badge clicked in the editor (markEditor)
}

func (e *editorState) mounted() bool { return e.editor != nil && e.editor.Truthy() }

// edited says whether the program was edited since the run shown.
func (e *editorState) edited() bool { return e.stale }

// playScripts are loaded by the page itself (not every page pays for the
// editor): same origin, as the CSP wants.
var playScripts = []string{"/web/editor.js", "/web/play.js"}

// OnInit is not LessonPage's: a program page loads its program in OnNav.
func (p *PlayPage) OnInit() {}

// OnMount installs the player's keys and loads the editor and runner.
func (p *PlayPage) OnMount(ctx app.Context) {
	p.LessonPage.OnMount(ctx)
	p.ed.ctx = ctx
	p.ed.onLoad = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			p.ed.loaded++
			p.start(ctx)
		})
		return nil
	})
	doc := app.Window().Get("document")
	doc.Get("documentElement").Get("dataset").Set("lanesRoot", rootPrefix()) // play.js's links
	for _, src := range playScripts {
		if g := app.Window().Get(map[string]string{"/web/editor.js": "lanesEditor", "/web/play.js": "lanesPlay"}[src]); g.Truthy() {
			p.ed.loaded++
			continue
		}
		s := doc.Call("createElement", "script")
		s.Set("src", href(src))
		s.Call("addEventListener", "load", p.ed.onLoad)
		doc.Get("head").Call("appendChild", s)
	}
	p.ed.onRun = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { p.runNow(ctx) })
		return nil
	})
	p.ed.onEvent = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) < 2 {
			return nil
		}
		kind, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) { p.event(ctx, kind, text) })
		return nil
	})
	p.ed.onShared = app.FuncOf(func(_ app.Value, args []app.Value) any {
		kind, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) {
			if kind == "shared" && course.ProgramIDPattern.MatchString(text) {
				p.shared, p.message = text, ""
			} else {
				p.message = text
			}
		})
		return nil
	})
	p.ed.onSource = app.FuncOf(func(_ app.Value, args []app.Value) any {
		kind, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) {
			p.ed.fetching = false
			if kind != "source" {
				p.missing = true
				p.off = p.off || strings.Contains(text, "does not build programs") // lanes serve -data off
				return
			}
			p.source = text
			p.setProgram(text)
			p.start(ctx)
		})
		return nil
	})
	p.ed.onFormat = app.FuncOf(func(_ app.Value, args []app.Value) any {
		kind, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) {
			switch kind {
			case "formatted":
				p.message = ""
				if p.ed.mounted() && text != p.program() {
					p.ed.editor.Call("setDoc", text)
				}
			case "diags":
				if p.ed.mounted() {
					p.ed.editor.Call("mark", app.Window().Get("JSON").Call("parse", text))
				}
			default:
				p.message = text
			}
		})
		return nil
	})
	p.ed.onChange = app.FuncOf(func(app.Value, []app.Value) any {
		if !p.ed.stale && p.run.Trace != nil {
			p.ed.stale = true
			ctx.Dispatch(func(ctx app.Context) {})
		}
		return nil
	})
	p.ed.onStatus = app.FuncOf(func(_ app.Value, args []app.Value) any {
		kind := ""
		if len(args) > 0 {
			kind = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.ed.status = 2
			p.builds(kind == "off", kind == "static")
			p.start(ctx)
		})
		return nil
	})
	p.ed.onStill = app.FuncOf(func(_ app.Value, args []app.Value) any {
		kind, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) { p.gotStill(ctx, kind, text) })
		return nil
	})
	p.ed.onPick = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) < 2 {
			return nil
		}
		kind, value := args[0].String(), args[1].Int()
		ctx.Dispatch(func(ctx app.Context) { p.onEditorPick(ctx, kind, value) })
		return nil
	})
	p.ed.onTick = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { p.elapsed++ })
		return nil
	})
}

// OnDismount stops a run and the player.
func (p *PlayPage) OnDismount() {
	p.stopTicker()
	if lp := app.Window().Get("lanesPlay"); lp.Truthy() {
		lp.Call("stop")
	}
	p.ed.editor = nil
	p.LessonPage.OnDismount()
}

// OnNav reads the URL. Another program (a new page) is loaded into the
// editor and run; another view of the same one (a strategy or seed link)
// runs the editor's program again in that view.
func (p *PlayPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	first := p.setup(stripPrefix(u.Path), u.Query())
	ctx.Page().SetTitle("%s · Lanes", p.title())
	p.site = siteURL(ctx)
	p.ed.pending = true
	p.ed.explored.Store(false) // an explore before this navigation does not hold its run back
	p.ed.useStill = first && p.id != ""
	if first && p.ed.mounted() {
		p.ed.editor.Call("setDoc", p.source)
	}
	p.start(ctx)
	readyAfterNav(ctx)
}

// start does what can be done now: fetch a shared program, mount the
// editor, run.
func (p *PlayPage) start(ctx app.Context) {
	if p.ed.loaded < len(playScripts) || p.missing {
		return
	}
	if p.source == "" && p.id != "" {
		if !p.ed.fetching {
			p.ed.fetching = true
			app.Window().Get("lanesPlay").Call("source", p.id, p.ed.onSource)
		}
		return
	}
	if !p.mountEditor() {
		return
	}
	switch p.ed.status { // ask once whether the server builds programs
	case 0:
		p.ed.status = 1
		app.Window().Get("lanesPlay").Call("status", p.ed.onStatus)
		return
	case 1:
		return
	}
	if p.off {
		p.ed.pending = false
		return
	}
	if p.ed.pending {
		p.ed.pending = false
		if p.ed.explored.Load() || p.gs.on || p.phase != "" {
			// The reader started an explore, the game or a run before the
			// page's own first run could: one job runs at a time in
			// web/play.js (a new one ends the one in flight), and theirs
			// is the one they asked for.
			return
		}
		if p.goalGame(ctx) {
			return
		}
		if p.askStill() {
			return
		}
		p.runNow(ctx)
	}
}

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
	ctx.Defer(func(app.Context) { p.syncPlayhead() })
}

// sourceHTML is the page's program as escaped text until the editor
// mounts (the server's prerender highlights it: play_still_other.go).
func (p *PlayPage) sourceHTML() string { return timeline.EscapeHTML(p.source) }
