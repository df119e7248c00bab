//go:build wasm

package app

import (
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/timeline"
)

// pinch is two fingers on the timeline: spreading them zooms the time
// axis around the point between them, moving them together pans it (the
// instant under the fingers stays under them). Touch screens send no
// ctrl+wheel for a pinch; their pointer events do.
type pinch struct {
	touches  map[int]float64 // touch pointers down on the plot: client x by pointerId
	on       bool            // two fingers down: pinching
	used     bool            // a pinch happened since the first finger went down: no tap
	d0       float64         // the fingers' distance when the pinch began (client px)
	at0      float64         // the fraction of the plot between them then
	win0     timeline.Window // the window then
	target   timeline.Window // the window the fingers ask for now
	pending  bool            // a redraw for target is dispatched
	k        float64         // SVG units per client px
	left, pw float64         // the plot's client x and width
}

// pinchDown notes a finger on the timeline (e is a touch pointerdown on
// it) and begins a pinch at the second; it reports whether one began.
func (p *LessonPage) pinchDown(e app.Value) bool {
	pn := &p.live.inst.pinch
	if pn.touches == nil {
		pn.touches = map[int]float64{}
	}
	if len(pn.touches) == 0 {
		pn.used = false
	}
	pn.touches[e.Get("pointerId").Int()] = e.Get("clientX").Float()
	if len(pn.touches) != 2 || pn.on {
		return pn.on
	}
	svg, _, ok := p.svgAt(e)
	if !ok || p.run.Right <= p.run.Left {
		return false
	}
	r := svg.Call("getBoundingClientRect")
	pn.k = p.run.Width / r.Get("width").Float()
	pn.left = r.Get("left").Float() + p.run.Left/pn.k
	pn.pw = (p.run.Right - p.run.Left) / pn.k
	d, c := pn.span()
	pn.on, pn.used = true, true
	pn.d0, pn.at0 = max(d, 16), pn.frac(c)
	pn.win0 = p.inst.win
	p.live.inst.dragging = false
	return true
}

// span is the fingers' horizontal distance and centre (client px).
func (pn *pinch) span() (d, c float64) {
	var xs []float64
	for _, x := range pn.touches {
		xs = append(xs, x)
	}
	if len(xs) < 2 {
		return 0, 0
	}
	return math.Abs(xs[0] - xs[1]), (xs[0] + xs[1]) / 2
}

// frac is the fraction of the plot at client x.
func (pn *pinch) frac(x float64) float64 { return min(max((x-pn.left)/pn.pw, 0), 1) }

// pinchMove follows a finger; while pinching it zooms and pans.
func (p *LessonPage) pinchMove(e app.Value) {
	pn := &p.live.inst.pinch
	id := e.Get("pointerId").Int()
	if _, ok := pn.touches[id]; !ok {
		return
	}
	pn.touches[id] = e.Get("clientX").Float()
	if !pn.on {
		return
	}
	d, c := pn.span()
	f := max(d, 16) / pn.d0
	w := pn.win0.Zoom(f, pn.at0)
	// The instant that was under the fingers' centre stays under it.
	w = w.Pan(pn.at0 - pn.frac(c))
	pn.target = w
	if pn.pending {
		return // moves between two redraws: only the last counts
	}
	pn.pending = true
	p.live.ctx.Dispatch(func(app.Context) {
		pn.pending = false
		w := pn.target
		if !w.Zoomed() {
			w = timeline.Window{}
		}
		if w != p.inst.win {
			p.inst.win = w
			p.redraw()
		}
	})
}

// pinchUp notes a finger lifted (or cancelled); it reports whether it
// ended (or was part of) a pinch, which is then no tap.
func (p *LessonPage) pinchUp(e app.Value) bool {
	pn := &p.live.inst.pinch
	delete(pn.touches, e.Get("pointerId").Int())
	if len(pn.touches) < 2 {
		pn.on = false
	}
	return pn.used
}
