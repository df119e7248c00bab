//go:build wasm

package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// redrawMs is how often the page is drawn again while playing, in ms.
const redrawMs = 200

// openAtStart: a page opened without t= starts at step 0 in the browser:
// Play is the first thing to do.
const openAtStart = true

// stickyLabels: in the browser the timeline is laid out at its box's
// width (fit_wasm.go): no sideways scroll, no label column laid over it.
const stickyLabels = false

// liveState is what playback needs in the browser: the keyboard listener and
// the requestAnimationFrame loop.
type liveState struct {
	onKey   app.Func
	onFrame app.Func
	looping bool
	last    float64 // timestamp of the previous frame, ms
	ctx     app.Context
	mounted bool
	drawn   float64 // timestamp of the last re-render while playing, ms
	inst    instrumentLive
	fit     fitLive
}

// OnInit sets the page up from the browser's address before its first
// render, so that go-app's first mount builds the lesson itself. Without
// it the page rendered "Lesson not found" (no path yet) and OnNav replaced
// all of it a moment later: the page was built twice at start (issue 17).
// OnNav then does not load the same address again. Only on the app's
// first page: on a later navigation go-app creates the page before the
// address changes (the history entry comes after), so OnNav loads it.
func (p *LessonPage) OnInit() {
	if appNavigated {
		return
	}
	u := app.Window().URL()
	perfMark("lanes-init")
	p.load(stripPrefix(u.Path), u.Query())
	perfMark("lanes-run")
	p.initURL = u.String()
}

// OnMount installs the keyboard shortcuts. In the browser it runs before
// the first OnNav, once the page is built (from OnInit's run): autoplay
// and the "ready" marker wait for navigated.
func (p *LessonPage) OnMount(ctx app.Context) {
	p.live.ctx, p.live.mounted = ctx, true
	p.live.onKey = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		k := e.Get("key").String()
		if t := e.Get("target"); t.Truthy() {
			if t.Get("isContentEditable").Truthy() {
				return nil // an editor's own keys (the /play page's)
			}
			if t.Get("closest").Truthy() {
				if d := t.Call("closest", "[role=dialog]"); d.Truthy() {
					if k == "Tab" {
						trapTab(e, d)
					}
					return nil // the open dialog's keys, not the player's behind it
				}
			}
			switch t.Get("tagName").String() {
			case "INPUT", "SELECT", "TEXTAREA":
				if k != "[" && k != "]" {
					return nil // the control's own keys
				}
			case "BUTTON", "A":
				if k == " " || k == "Enter" {
					return nil // a native click
				}
			}
		}
		if p.gs.on {
			ctx.Dispatch(func(ctx app.Context) { p.gameKey(ctx, k) })
			if k == "Backspace" || k == "t" || isChoiceKey(k) {
				e.Call("preventDefault")
			}
			return nil
		}
		if p.focusKey(e, k) {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			if p.key(k) {
				p.moved(ctx)
			}
		})
		switch k {
		case " ", "ArrowLeft", "ArrowRight", "Home", "End":
			e.Call("preventDefault")
		}
		return nil
	})
	app.Window().Call("addEventListener", "keydown", p.live.onKey)
	p.mountInstrument()
	p.mountFit()
}

// OnDismount removes the listener and stops the loop.
func (p *LessonPage) OnDismount() {
	p.live.mounted = false
	p.pl.playing = false
	p.dismountInstrument()
	p.dismountFit()
	if p.live.onKey != nil {
		app.Window().Call("removeEventListener", "keydown", p.live.onKey)
		p.live.onKey.Release()
		p.live.onKey = nil
	}
}

// startLoop runs the requestAnimationFrame loop while playing.
func (p *LessonPage) startLoop(ctx app.Context) {
	p.live.ctx = ctx
	if p.live.looping {
		return
	}
	if p.live.onFrame == nil {
		p.live.onFrame = app.FuncOf(func(this app.Value, args []app.Value) any {
			now := 0.0
			if len(args) > 0 {
				now = args[0].Float()
			}
			p.frame(now)
			return nil
		})
	}
	p.live.looping, p.live.last = true, -1
	app.Window().Call("requestAnimationFrame", p.live.onFrame)
}

// frame is one animation frame: advance, move the playhead, re-render when
// the position changed, and ask for the next frame while playing.
func (p *LessonPage) frame(now float64) {
	if !p.live.mounted || !p.pl.playing {
		p.live.looping = false
		return
	}
	dt := 0.0
	if p.live.last >= 0 {
		dt = min((now-p.live.last)/1000, 0.25)
	}
	p.live.last = now
	// The page (code pane, console, caption, slider) is drawn again at most
	// every redrawMs while playing, and when playback stops; the playhead
	// and the reveal move every frame.
	if p.pl.advance(dt) && (!p.pl.playing || now-p.live.drawn >= redrawMs) {
		p.live.drawn = now
		p.live.ctx.Dispatch(func(ctx app.Context) {
			if !p.pl.playing {
				p.moved(ctx)
			}
		})
	}
	p.syncPlayhead()
	if !p.pl.playing {
		p.live.looping = false
		return
	}
	app.Window().Call("requestAnimationFrame", p.live.onFrame)
}

// syncPlayhead moves the playhead line to the current position, between
// events while playing, and reveals the run up to it: the clip of the
// growing layers follows the playhead, and the reveal rule shows the
// markers of the events that have happened (two attribute writes and a
// style text, whatever the size of the run).
func (p *LessonPage) syncPlayhead() {
	xs := p.run.StepX
	if len(xs) == 0 || !p.live.mounted {
		return
	}
	root := p.JSValue()
	if root == nil || !root.Truthy() {
		return
	}
	line := root.Call("querySelector", ".lanes-playhead")
	if !line.Truthy() {
		return
	}
	i := min(max(p.pl.pos, 0), len(xs)-1)
	x := xs[i]
	if i+1 < len(xs) && p.pl.frac > 0 {
		x += (xs[i+1] - xs[i]) * p.pl.frac
	}
	v := course.Num(x)
	line.Call("setAttribute", "x1", v)
	line.Call("setAttribute", "x2", v)
	clip := x
	if p.pl.pos >= p.pl.n {
		clip = p.run.ClipWidth(p.pl.n)
	}
	if c := root.Call("querySelector", "#lanes-clip"); c.Truthy() {
		c.Call("setAttribute", "width", course.Num(clip))
	}
	if p.embed {
		at := int32(0)
		if p.pl.pos >= p.pl.n {
			at = endLine(p.run.Trace)
		}
		scrollCode(root, at)
	}
	scrollConsole(root) // a no-op where the console has no scroll of its own (a lesson's)
	p.reveal(root, p.run.ShownAt(i))
}

// scrollCode scrolls the embed's short code pane to its first running
// line, or with none, to line end (endLine; 0: none), nothing when the
// line is in view already.
func scrollCode(root app.Value, end int32) {
	cur := root.Call("querySelector", ".code .line.cur")
	if !cur.Truthy() && end > 0 {
		cur = root.Call("querySelector", `.code .line[data-line="`+strconv.Itoa(int(end))+`"]`)
	}
	pre := root.Call("querySelector", ".code pre")
	if !cur.Truthy() || !pre.Truthy() {
		return
	}
	top, h := cur.Get("offsetTop").Float()-pre.Get("offsetTop").Float(), pre.Get("clientHeight").Float()
	if st := pre.Call("closest", ".stage"); st.Truthy() {
		// A narrow embed's stage may clip the pane's bottom (share.css):
		// the line goes where it is seen.
		seen := st.Call("getBoundingClientRect").Get("bottom").Float() - pre.Call("getBoundingClientRect").Get("top").Float() - pre.Get("clientTop").Float()
		h = max(min(h, seen), cur.Get("offsetHeight").Float())
	}
	if st, lh := pre.Get("scrollTop").Float(), cur.Get("offsetHeight").Float(); top < st || top+lh > st+h {
		// A third of the pane above it, less when the line (wrapped on a
		// phone) would not fit under that.
		pre.Set("scrollTop", max(top-max(0, min(h/3, h-lh)), 0))
	}
}

// scrollConsole shows the newest output in a console that scrolls in its
// own box (an embed's short one, a program page's: web/play.css), as a
// terminal does. go-app puts a new <pre> there when the output changes;
// only such a new one is scrolled (it carries no data-end yet), so a
// reader who scrolled the output back keeps their place while it stays.
func scrollConsole(root app.Value) {
	pre := root.Call("querySelector", ".console pre")
	if !pre.Truthy() || pre.Get("dataset").Get("end").Truthy() {
		return
	}
	pre.Get("dataset").Set("end", "1")
	if pre.Get("scrollHeight").Float() <= pre.Get("clientHeight").Float() {
		return
	}
	top := pre.Get("scrollHeight").Float()
	if e := pre.Call("querySelector", ".stderr"); e.Truthy() {
		// Go's panic or fatal error text: its first line in view (with
		// the output's last above it), not the end of its traceback.
		at := e.Call("getBoundingClientRect").Get("top").Float() - pre.Call("getBoundingClientRect").Get("top").Float() - pre.Get("clientTop").Float() + pre.Get("scrollTop").Float()
		top = min(top, at-e.Call("getClientRects").Index(0).Get("height").Float()-8)
	}
	pre.Set("scrollTop", max(top, 0))
}

// markReady tells end-to-end tests (and anyone curious) that the app is live:
// <html data-lanes-ready="1">, set once a page has drawn what its URL
// asks for (after OnNav). data-lanes-ready-at holds performance.now() at
// the first such moment, in ms (the benchmark's "interactive").
func markReady() {
	ds := app.Window().Get("document").Get("documentElement").Get("dataset")
	if ds.Get("lanesReady").String() != "1" {
		ds.Set("lanesReadyAt", app.Window().Get("performance").Call("now").Float())
	}
	ds.Set("lanesReady", "1")
}

// readyAfterNav marks the app ready once the page OnNav updated is drawn.
func readyAfterNav(ctx app.Context) { ctx.Defer(func(app.Context) { markReady() }) }

// navigated finishes OnNav (which, in the browser, follows OnMount on the
// first load and comes alone on a client-side navigation): once the page
// has drawn its own run, the playhead goes where the page opened, autoplay
// starts (?autoplay=1: from the start; the player stops at the end), and
// the app is marked ready.
func (p *LessonPage) navigated(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		perfMark("lanes-drawn")
		p.measureBox() // the page lays its run out at its box's width
		perfMark("lanes-measured")
		p.syncPlayhead()
		ds := app.Window().Get("document").Get("documentElement").Get("dataset")
		queued := ds.Get("lanesQueued").String() == "play"
		if queued {
			ds.Delete("lanesQueued") // a click on Play before the app ran
		}
		// Autoplay ("replay this" in the explorer): the timeline in view.
		if p.state.Autoplay && !p.embed {
			if w := p.JSValue(); w != nil && w.Truthy() {
				if wb := w.Call("querySelector", ".workbench"); wb.Truthy() {
					wb.Call("scrollIntoView")
					// Below the sticky controls, which would cover the
					// top of it: the note that this is a found schedule.
					if c := w.Call("querySelector", ".controls"); c.Truthy() {
						app.Window().Call("scrollBy", 0, -(c.Call("getBoundingClientRect").Get("height").Float() + 8))
					}
				}
			}
		}
		if (p.state.Autoplay || queued) && p.found && p.runErr == "" && p.pl.n > 0 && !p.pl.playing {
			p.pl.seek(0)
			p.pl.toggle()
			p.moved(ctx)
			ctx.Update()
		}
		markReady()
	})
}
