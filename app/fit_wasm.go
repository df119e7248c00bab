//go:build wasm

package app

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fitDelayMs: resizes are gathered this long before the run is laid out
// again (a window dragged wider sends dozens).
const fitDelayMs = 120

// fitLive measures the timeline's box: on mount, after a navigation, and
// (debounced) when the window or the page's layout changes size.
type fitLive struct {
	onResize app.Func // window resize and the ResizeObserver's callback
	onTimer  app.Func
	obs      app.Value // ResizeObserver on <body>
	timer    app.Value
}

// mountFit installs the listeners.
func (p *LessonPage) mountFit() {
	f := &p.live.fit
	f.onTimer = app.FuncOf(func(app.Value, []app.Value) any {
		f.timer = nil
		p.measureBox()
		return nil
	})
	f.onResize = app.FuncOf(func(app.Value, []app.Value) any {
		w := app.Window()
		if f.timer != nil {
			w.Call("clearTimeout", f.timer)
		}
		f.timer = w.Call("setTimeout", f.onTimer, fitDelayMs)
		return nil
	})
	app.Window().Call("addEventListener", "resize", f.onResize)
	if ro := app.Window().Get("ResizeObserver"); ro.Truthy() {
		// The page's own layout moves too (the code pane, a variant's
		// text, the scrollbar): the body's size tells.
		f.obs = ro.New(f.onResize)
		f.obs.Call("observe", app.Window().Get("document").Get("body"))
	}
}

// dismountFit removes them.
func (p *LessonPage) dismountFit() {
	f := &p.live.fit
	w := app.Window()
	if f.timer != nil {
		w.Call("clearTimeout", f.timer)
		f.timer = nil
	}
	if f.obs != nil {
		f.obs.Call("disconnect")
		f.obs = nil
	}
	if f.onResize != nil {
		w.Call("removeEventListener", "resize", f.onResize)
		f.onResize.Release()
		f.onResize = nil
	}
	if f.onTimer != nil {
		f.onTimer.Release()
		f.onTimer = nil
	}
}

// measureBox reads the timeline box's inner width (and, beside the
// code, the height its picture may fill) and lays the run out again when
// they changed.
func (p *LessonPage) measureBox() {
	if !p.live.mounted {
		return
	}
	root := p.JSValue()
	if root == nil || !root.Truthy() {
		return
	}
	box := root.Call("querySelector", ".timeline-scroll")
	if !box.Truthy() {
		return
	}
	if f := &p.live.fit; f.obs != nil {
		// The box itself too: it narrows when a scrollbar appears beside
		// it (an embed's stage), with no change to the body's size.
		// Observing it again is a no-op.
		f.obs.Call("observe", box)
	}
	r := box.Call("getBoundingClientRect")
	w := math.Floor(r.Get("width").Float() - 2*box.Get("clientLeft").Float()) // inside the borders
	if w <= 0 {
		return
	}
	b := fitBox{w: w}
	win := app.Window()
	if col := box.Call("closest", ".workbench .main-col"); col.Truthy() && win.Get("innerWidth").Float() >= 900 {
		// Beside the code (the column is sticky under the controls): the
		// picture may fill most of the window's height; the zoom row,
		// the caption and the console share the rest.
		b.h = math.Floor((win.Get("innerHeight").Float() - 60) * 0.6)
	}
	if page := box.Call("closest", ".page.embed"); page.Truthy() && win.Get("innerWidth").Float() < 900 {
		b.most = embedRoom(page, box)
	}
	if b != p.box {
		p.live.ctx.Dispatch(func(app.Context) { p.refit(b) })
	}
}

// embedLines: in a narrow embed the code under the timeline keeps this
// many lines in view (its own height if shorter) before the picture
// shrinks to the frame.
const embedLines = 3

// embedRoom is the height the picture may have in a narrow embed, whose
// code and console are stacked under it (share.css): what lets the code
// keep embedLines lines when the frame is shorter than the page (the
// snippets' 560 px). 0 when the picture fits at its natural height.
func embedRoom(page, box app.Value) float64 {
	st := page.Call("querySelector", ".stage")
	svg := box.Call("querySelector", "svg:not([data-labels])")
	if !st.Truthy() || !svg.Truthy() {
		return 0
	}
	pre := st.Call("querySelector", ".code pre")
	if !pre.Truthy() {
		return 0
	}
	pic := svg.Call("getBoundingClientRect").Get("height").Float()
	natural := pic + shrunkPicture(svg)
	over := st.Get("scrollHeight").Float() - st.Get("clientHeight").Float() // what the stage scrolls
	has := pre.Get("offsetHeight").Float()
	lines := embedLines*cssPx(pre, "lineHeight", 21) + // and the padding, borders and a scrollbar
		cssPx(pre, "paddingTop", 0) + cssPx(pre, "paddingBottom", 0) + has - pre.Get("clientHeight").Float()
	// The code's lines over embedLines are room the picture may take
	// back (after a shorter moment, as the page's first layout).
	want := min(has+shrunkBy(pre), lines)
	room := math.Floor(pic - over - (want - has))
	if room >= natural-1 {
		return 0
	}
	return room
}

// shrunkPicture is how much taller a timeline picture is at its natural
// height (its data-shrunk: it was fitted to a short frame).
func shrunkPicture(svg app.Value) float64 {
	s := svg.Call("getAttribute", "data-shrunk")
	if !s.Truthy() {
		return 0
	}
	v := app.Window().Call("parseFloat", s).Float()
	if math.IsNaN(v) {
		return 0
	}
	return max(0, v)
}

// cssPx is el's computed style property prop in px (def when not a
// length, as "normal").
func cssPx(el app.Value, prop string, def float64) float64 {
	w := app.Window()
	v := w.Call("parseFloat", w.Call("getComputedStyle", el).Get(prop)).Float()
	if math.IsNaN(v) {
		return def
	}
	return v
}
