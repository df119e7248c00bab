//go:build wasm

package app

import (
	"strings"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/timeline"
)

// editorState is the browser half of the play page: the editor (from
// web/editor.js), the runner (web/play.js) and the callbacks they call.
type editorState struct {
	ctx       app.Context
	editor    app.Value // lanesEditor.mount's answer; nil until mounted
	loaded    int       // scripts loaded (editor.js, play.js)
	onLoad    app.Func
	onRun     app.Func // Ctrl+Enter in the editor
	onEvent   app.Func // lanesPlay.run's reports
	onShared  app.Func
	onSource  app.Func
	onFormat  app.Func
	onChange  app.Func
	stale     bool      // edited since the run shown
	ticker    app.Value // setInterval's id while building
	onTick    app.Func
	fetching  bool // a shared program is being fetched
	status    int  // what the server does: 0 not asked, 1 asking, 2 known (PlayPage.off)
	onStatus  app.Func
	pending   bool        // run once the editor is there
	explored  atomic.Bool // the reader started an explore: the page's first run gives way to it (set by the explorer's goroutine)
	useStill  bool        // a program page's first run: show its still if it has one (play_still_wasm.go)
	pageStill bool        // the still inlined in the page is shown, and is the run the view asks for (play_inline_wasm.go)
	fallback  string      // the prerender's highlighted program, shown until the editor mounts
	onStill   app.Func
	sched     bool     // the run in flight is the scheduler game's (schedRun)
	onPick    app.Func // a badge clicked in the editor (markEditor)
}

func (e *editorState) mounted() bool { return e.editor != nil && e.editor.Truthy() }

// edited says whether the program was edited since the run shown.
func (e *editorState) edited() bool { return e.stale }

// playScripts are loaded by the page itself (not every page pays for the
// editor): same origin, as the CSP wants.
var playScripts = []string{"/web/editor.js", "/web/play.js"}

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
				readyAfterNav(ctx)
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
// runs the editor's program again in that view. The app's first page was
// set up by OnInit (play_inline_wasm.go), with its program and still
// from the prerender.
func (p *PlayPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	first := p.initURL != ""
	if !first || u.String() != p.initURL {
		first = p.setup(stripPrefix(u.Path), u.Query())
		p.ed.pageStill = false
		if first {
			p.ed.fallback = ""
		}
	}
	p.initURL, appNavigated = "", true
	ctx.Page().SetTitle("%s · Lanes", p.title())
	p.site = siteURL(ctx)
	p.ed.pending = true
	p.ed.explored.Store(false) // an explore before this navigation does not hold its run back
	p.ed.useStill = first && p.id != "" && p.run.Trace == nil
	if first && p.ed.mounted() {
		p.ed.editor.Call("setDoc", p.source)
	}
	if p.ed.pageStill {
		p.stillShown(ctx) // ready: the page's run is drawn
	}
	p.start(ctx)
	if p.id == "" || p.missing {
		readyAfterNav(ctx)
	}
	// A program page is ready once its run is drawn: the still (above,
	// or gotStill), a run's trace or its failure (event), the game's
	// first answer (schedAnswer).
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
		readyAfterNav(ctx) // nothing to run
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
		if p.ed.pageStill {
			p.ed.pageStill = false
			return // the page shows its run already: its still
		}
		if p.askStill() {
			return
		}
		p.runNow(ctx)
	}
}

// sourceHTML is the page's program as escaped text until the editor
// mounts (the server's prerender highlights it: play_still_other.go).
func (p *PlayPage) sourceHTML() string {
	if p.ed.fallback != "" {
		return p.ed.fallback
	}
	return timeline.EscapeHTML(p.source)
}
