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
	card     app.Value
	pinch    pinch
}

// redrawn: the new SVG carries its own reveal rule; the playhead and
// the reveal are set again once it is in the page (reveal sees a new
// node).
func (p *LessonPage) redrawn() {
	if p.live.mounted {
		p.live.ctx.Defer(func(app.Context) { p.syncPlayhead() })
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
		p.live.ctx.Dispatch(func(ctx app.Context) { p.toggleFold(key) })
		return
	}
	if e.Get("pointerType").String() == "touch" {
		in.downX = e.Get("clientX").Float() // a tap seeks on pointerup; a drag scrolls
		if p.pinchDown(e) {
			p.hideCard()
			return
		}
		p.showCard(e)
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
	if d := e.Get("clientX").Float() - in.downX; d > 8 || d < -8 {
		return // the chart was scrolled
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
		if pos := p.run.NextOnLine(p.pl.pos, line); pos > 0 {
			p.seekTo(ctx, pos)
		}
	})
}

// showCard shows the card of the event under the pointer (nothing under
// it: hides the card).
func (p *LessonPage) showCard(e app.Value) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() || !t.Call("closest", ".timeline-scroll svg").Truthy() {
		p.hideCard()
		return
	}
	el := t.Call("closest", "[data-seq]")
	if !el.Truthy() || el.Get("classList").Call("contains", "lbl").Bool() {
		p.hideCard()
		return
	}
	seq, err := strconv.Atoi(el.Call("getAttribute", "data-seq").String())
	if err != nil {
		p.hideCard()
		return
	}
	h := p.run.CardHTML(seq)
	if h == "" {
		p.hideCard()
		return
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
	x, y := e.Get("clientX").Float()+14, e.Get("clientY").Float()+16
	if x+cw > vw-8 {
		x = max(8, vw-cw-8)
	}
	if y+ch > vh-8 {
		y = max(8, e.Get("clientY").Float()-ch-12)
	}
	c.Get("style").Set("left", strconv.FormatFloat(x, 'f', 0, 64)+"px")
	c.Get("style").Set("top", strconv.FormatFloat(y, 'f', 0, 64)+"px")
}

func (p *LessonPage) hideCard() {
	if c := p.live.inst.card; c != nil && c.Truthy() {
		c.Get("style").Set("display", "none")
	}
}
