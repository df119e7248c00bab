//go:build wasm

package app

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// instrumentLive is the browser side of the instrument: the document's
// pointer, wheel and click listeners (one set per page, delegated, so a
// redrawn SVG needs no new ones) and the hover card.
type instrumentLive struct {
	fns      []app.Func
	names    []string
	dragging bool
	downX    float64 // where a touch began (client px)
	tapCard  bool    // the touch began on an item with a card: its tap shows the card, it does not seek
	refold   string  // the fold row to focus again once redrawn (its Key), after Enter or Space on it
	card     app.Value
	pinch    pinch
}

// redrawn: the new SVG carries its own reveal rule; the playhead and
// the reveal are set again once it is in the page (reveal sees a new
// node).
func (p *LessonPage) redrawn() {
	if p.live.mounted {
		p.live.ctx.Defer(func(app.Context) { p.syncPlayhead(); p.refocusFold() })
	}
}

// mountInstrument installs the listeners.
func (p *LessonPage) mountInstrument() {
	in := &p.live.inst
	on := func(name string, passive bool, f func(e app.Value)) {
		fn := app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) > 0 && p.live.mounted && p.run.Trace != nil && !p.gs.on { // the game's timeline does not seek
				f(args[0])
			}
			return nil
		})
		in.fns, in.names = append(in.fns, fn), append(in.names, name)
		app.Window().Get("document").Call("addEventListener", name, fn, map[string]any{"passive": passive})
	}
	on("pointerdown", true, p.onPointerDown)
	on("pointermove", true, p.onPointerMove)
	on("pointerup", true, p.onPointerUp)
	on("pointercancel", true, func(e app.Value) { in.dragging = false; p.pinchUp(e) })
	on("wheel", false, p.onWheel)
	on("click", true, p.onCodeLineClick)
	on("scroll", true, func(app.Value) { p.hideCard() }) // a tapped card stays by its bar
}

// dismountInstrument removes the listeners and the card.
func (p *LessonPage) dismountInstrument() {
	in := &p.live.inst
	for i, fn := range in.fns {
		app.Window().Get("document").Call("removeEventListener", in.names[i], fn)
		fn.Release()
	}
	in.fns, in.names = nil, nil
	if in.card != nil && in.card.Truthy() {
		in.card.Call("remove")
		in.card = nil
	}
}

// svgAt finds the timeline's <svg> under an event and the pointer's x in
// its user units.
func (p *LessonPage) svgAt(e app.Value) (svg app.Value, x float64, ok bool) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return nil, 0, false
	}
	svg = t.Call("closest", ".timeline-scroll svg")
	if !svg.Truthy() {
		return nil, 0, false
	}
	r := svg.Call("getBoundingClientRect")
	w := r.Get("width").Float()
	if w <= 0 {
		return nil, 0, false
	}
	x = (e.Get("clientX").Float() - r.Get("left").Float()) * p.run.Width / w
	return svg, x, true
}

func (p *LessonPage) onPointerDown(e app.Value) {
	in := &p.live.inst
	_, x, ok := p.svgAt(e)
	if !ok || e.Get("button").Int() > 0 {
		return
	}
	if f := e.Get("target").Call("closest", "[data-fold]"); f.Truthy() {
		key := f.Call("getAttribute", "data-fold").String()
		p.live.ctx.Dispatch(func(ctx app.Context) {
			p.toggleFold(key)
			ctx.Defer(func(app.Context) { p.refocusFold() })
		})
		return
	}
	if e.Get("pointerType").String() == "touch" {
		in.downX = e.Get("clientX").Float() // a tap seeks on pointerup; a drag scrolls
		if p.pinchDown(e) {
			p.hideCard()
			return
		}
		in.tapCard = p.showCard(e)
		return
	}
	if !p.run.InPlot(x) {
		return
	}
	in.dragging = true
	p.hideCard()
	pos := p.run.PosAt(x)
	p.live.ctx.Dispatch(func(ctx app.Context) { p.seekTo(ctx, pos) })
}

func (p *LessonPage) onPointerMove(e app.Value) {
	in := &p.live.inst
	if in.dragging {
		if _, x, ok := p.svgAt(e); ok {
			pos := p.run.PosAt(x)
			p.live.ctx.Dispatch(func(ctx app.Context) { p.seekTo(ctx, pos) })
		}
		return
	}
	if e.Get("pointerType").String() != "touch" {
		p.showCard(e)
		return
	}
	p.pinchMove(e)
}

func (p *LessonPage) onPointerUp(e app.Value) {
	in := &p.live.inst
	if in.dragging {
		in.dragging = false
		return
	}
	if e.Get("pointerType").String() != "touch" {
		return
	}
	if p.pinchUp(e) {
		return // the end of a pinch, not a tap
	}
	if d := e.Get("clientX").Float() - in.downX; d > 8 || d < -8 || in.tapCard {
		return // the chart was scrolled, or a bar tapped: its card shows
	}
	if _, x, ok := p.svgAt(e); ok && p.run.InPlot(x) {
		pos := p.run.PosAt(x)
		p.live.ctx.Dispatch(func(ctx app.Context) { p.seekTo(ctx, pos) })
	}
}

// onWheel zooms (vertical wheel, pinch) or pans (horizontal wheel) the
// time axis when the pointer is over the plot.
func (p *LessonPage) onWheel(e app.Value) {
	_, x, ok := p.svgAt(e)
	if !ok || !p.run.InPlot(x) {
		return
	}
	e.Call("preventDefault")
	dy, dx := e.Get("deltaY").Float(), e.Get("deltaX").Float()
	if e.Get("deltaMode").Int() == 1 { // lines
		dy, dx = dy*16, dx*16
	}
	at := (x - p.run.Left) / (p.run.Right - p.run.Left)
	p.live.ctx.Dispatch(func(ctx app.Context) {
		if dx*dx > dy*dy {
			p.pan(dx / 400)
			return
		}
		f := math.Pow(2, -min(max(dy, -400), 400)/200) // a wheel notch (100 px) is √2
		p.zoomBy(f, at)
	})
}

// onCodeLineClick jumps to the next event on a clicked code line.
func (p *LessonPage) onCodeLineClick(e app.Value) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return
	}
	ln := t.Call("closest", ".code .line[data-line]")
	if !ln.Truthy() {
		return
	}
	line, err := strconv.Atoi(ln.Call("getAttribute", "data-line").String())
	if err != nil {
		return
	}
	p.live.ctx.Dispatch(func(ctx app.Context) {
		p.inst.codeLine = line // the keyboard goes on from here
		if pos := p.run.NextOnLine(p.pl.pos, line); pos > 0 {
			p.seekTo(ctx, pos)
		}
	})
}

// showCard shows the card of the event under the pointer (nothing under
// it: hides the card) and reports whether it did. A finger's card goes
// above the finger, which would hide one under it.
func (p *LessonPage) showCard(e app.Value) bool {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() || !t.Call("closest", ".timeline-scroll svg").Truthy() {
		p.hideCard()
		return false
	}
	el := t.Call("closest", "[data-seq]")
	if !el.Truthy() || el.Get("classList").Call("contains", "lbl").Bool() {
		p.hideCard()
		return false
	}
	seq, err := strconv.Atoi(el.Call("getAttribute", "data-seq").String())
	if err != nil {
		p.hideCard()
		return false
	}
	h := p.run.CardHTML(seq)
	if h == "" {
		p.hideCard()
		return false
	}
	in := &p.live.inst
	doc := app.Window().Get("document")
	if in.card == nil || !in.card.Truthy() || !in.card.Get("isConnected").Bool() {
		in.card = doc.Call("createElement", "div")
		in.card.Set("className", "tl-card")
		in.card.Call("setAttribute", "role", "tooltip")
		doc.Get("body").Call("appendChild", in.card)
	}
	c := in.card
	c.Set("innerHTML", h)
	c.Call("setAttribute", "data-seq", strconv.Itoa(seq))
	if th := p.state.Theme.String(); th == "light" || th == "dark" {
		c.Call("setAttribute", "data-theme", th)
	}
	c.Get("style").Set("display", "block")
	vw, vh := app.Window().Get("innerWidth").Float(), app.Window().Get("innerHeight").Float()
	cw, ch := c.Get("offsetWidth").Float(), c.Get("offsetHeight").Float()
	px, py := e.Get("clientX").Float(), e.Get("clientY").Float()
	x, y := px+14, py+16
	if e.Get("pointerType").String() == "touch" {
		x, y = px-cw/2, py-ch-24
		if y < 8 {
			y = py + 32
		}
	}
	x = min(max(x, 8), max(8, vw-cw-8))
	if y+ch > vh-8 {
		y = max(8, py-ch-12)
	}
	c.Get("style").Set("left", strconv.FormatFloat(x, 'f', 0, 64)+"px")
	c.Get("style").Set("top", strconv.FormatFloat(y, 'f', 0, 64)+"px")
	return true
}

func (p *LessonPage) hideCard() {
	if c := p.live.inst.card; c != nil && c.Truthy() {
		c.Get("style").Set("display", "none")
	}
}

// focusKey gives the focused fold row its keys (Enter, Space), the
// focused code pane its own (↑/↓, Enter: codeKey) and the focused legend
// ←/→ to scroll; it reports whether it took k.
func (p *LessonPage) focusKey(e app.Value, k string) bool {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return false
	}
	if f := t.Call("closest", "[data-fold]"); f.Truthy() && (k == " " || k == "Enter") {
		e.Call("preventDefault")
		key := f.Call("getAttribute", "data-fold").String()
		p.live.inst.refold = key
		p.live.ctx.Dispatch(func(ctx app.Context) {
			p.toggleFold(key)
			ctx.Defer(func(app.Context) { p.refocusFold() })
		})
		return true
	}
	if (k == "ArrowLeft" || k == "ArrowRight") && t.Call("closest", ".tl-legend").Truthy() {
		return true // the focused legend scrolls sideways (an embed's): the browser's arrows
	}
	if !t.Get("classList").Call("contains", "code").Bool() || k != "ArrowUp" && k != "ArrowDown" && k != "Enter" {
		return false
	}
	e.Call("preventDefault")
	p.live.ctx.Dispatch(func(ctx app.Context) {
		if pos, _ := p.codeKey(k); pos > 0 {
			p.seekTo(ctx, pos)
		}
		ctx.Defer(func(app.Context) {
			if l := app.Window().Get("document").Call("getElementById", "code-kbd"); l.Truthy() {
				l.Call("scrollIntoView", map[string]any{"block": "nearest"})
			}
		})
	})
	return true
}

// refocusFold focuses the fold row of the lane whose row had the focus
// (Enter or Space on it) when the timeline is drawn again (the old row is
// gone, and the focus with it), until the focus goes elsewhere.
func (p *LessonPage) refocusFold() {
	key := p.live.inst.refold
	if key == "" {
		return
	}
	doc := app.Window().Get("document")
	if a := doc.Get("activeElement"); a.Truthy() && !a.Equal(doc.Get("body")) {
		if !a.Call("matches", "[data-fold]").Bool() {
			p.live.inst.refold = "" // the focus moved on
		}
		return
	}
	fs := doc.Call("querySelectorAll", "[data-fold][role=button]")
	for i := 0; i < fs.Length(); i++ {
		if f := fs.Index(i); f.Call("getAttribute", "data-fold").String() == key {
			f.Call("focus")
			return
		}
	}
}
