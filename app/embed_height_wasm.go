//go:build wasm

package app

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// heightLive is EmbedHeight's observer and the last height it posted.
type heightLive struct {
	observer app.Value
	onResize app.Func
	last     int
}

// OnMount starts observing the page when it is framed.
func (e *EmbedHeight) OnMount(ctx app.Context) {
	w := app.Window()
	if w.Get("parent").IsUndefined() || w.Get("parent").Equal(w) {
		return // not in a frame
	}
	doc := w.Get("document")
	if page := doc.Call("querySelector", ".page.embed"); page.Truthy() {
		page.Call("setAttribute", "tabindex", "-1") // a click focuses the page, not the host
	}
	e.live.onResize = app.FuncOf(func(this app.Value, args []app.Value) any {
		e.observe()
		e.post()
		return nil
	})
	ro := w.Get("ResizeObserver")
	if !ro.Truthy() {
		e.post()
		return
	}
	e.live.observer = ro.New(e.live.onResize)
	e.observe()
	w.Call("addEventListener", "load", e.live.onResize)
	e.post()
}

// OnDismount stops observing.
func (e *EmbedHeight) OnDismount() {
	if e.live.observer != nil && e.live.observer.Truthy() {
		e.live.observer.Call("disconnect")
	}
	if e.live.onResize != nil {
		app.Window().Call("removeEventListener", "load", e.live.onResize)
		e.live.onResize.Release()
		e.live.onResize = nil
	}
}

// observe watches the page and what can grow inside it (elements go-app
// replaced are picked up again on the next change).
func (e *EmbedHeight) observe() {
	if e.live.observer == nil || !e.live.observer.Truthy() {
		return
	}
	doc := app.Window().Get("document")
	for _, sel := range []string{".page.embed", ".page.embed > *", ".page.embed .stage > *", ".page.embed .timeline-scroll svg"} {
		list := doc.Call("querySelectorAll", sel)
		for i := 0; i < list.Length(); i++ {
			e.live.observer.Call("observe", list.Index(i))
		}
	}
}

// naturalHeight is the page's height with nothing scrolled inside: the
// stage shrinks (and scrolls) when the frame is too short, and so do a
// narrow embed's code and console (share.css), and its timeline's lanes
// (embedRoom), so their hidden parts are added back.
func naturalHeight() int {
	doc := app.Window().Get("document")
	page := doc.Call("querySelector", ".page.embed")
	if !page.Truthy() {
		return int(math.Ceil(doc.Get("documentElement").Get("scrollHeight").Float()))
	}
	h := page.Call("getBoundingClientRect").Get("height").Float()
	if st := page.Call("querySelector", ".stage"); st.Truthy() {
		h += st.Get("scrollHeight").Float() - st.Get("clientHeight").Float()
	}
	for _, sel := range []string{".stage .code pre", ".console pre"} {
		if el := page.Call("querySelector", sel); el.Truthy() {
			h += shrunkBy(el)
		}
	}
	if svg := page.Call("querySelector", ".timeline-scroll svg:not([data-labels])"); svg.Truthy() {
		h += shrunkPicture(svg) // its lanes shrank to the frame (fit_wasm.go)
	}
	return int(math.Ceil(h))
}

// shrunkBy is how much taller el (a scroll box) would be at its own
// height, up to its max-height.
func shrunkBy(el app.Value) float64 {
	has := el.Get("offsetHeight").Float()
	full := el.Get("scrollHeight").Float() + has - el.Get("clientHeight").Float() // its borders (border-box)
	full = min(full, cssPx(el, "maxHeight", math.Inf(1)))                         // "none": no limit
	return max(0, full-has)
}

// post sends the height to the parent when it changed.
func (e *EmbedHeight) post() {
	h := naturalHeight()
	if h <= 0 || h == e.live.last {
		return
	}
	e.live.last = h
	msg := map[string]any{"type": course.HeightMessage, "height": h, "slug": e.Slug, "variant": e.Variant}
	app.Window().Get("parent").Call("postMessage", msg, "*")
}
