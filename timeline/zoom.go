package timeline

// Zooming.
//
// Options.Window shows part of the run across the whole plot: From and To
// are fractions of the plot's width at zoom 1 (0 ≤ From < To ≤ 1). Every
// x (events, instants, ticks) is mapped through the window, so Diagram.X
// and Diagram.Seq keep their meaning; what falls outside the plot is
// culled (markers, lane ends, track values, the exit line) or clipped
// (bars, charts, arrows). Runs of markers aggregated at zoom 1 (lod.go)
// spread out and come back one by one.

// Window is the part of the run a diagram shows, in fractions of the
// plot's width at zoom 1; the zero value is the whole run.
type Window struct{ From, To float64 }

// Zoomed reports whether w shows less than the whole run.
func (w Window) Zoomed() bool { return w.norm() != Window{0, 1} }

// norm is w clamped to a valid window (the whole run for the zero value
// or nonsense).
func (w Window) norm() Window {
	if !(w.To > w.From) || w.To-w.From < 1e-6 {
		return Window{0, 1}
	}
	if w.From < 0 {
		w.To, w.From = w.To-w.From, 0
	}
	if w.To > 1 {
		w.From, w.To = max(0, w.From-(w.To-1)), 1
	}
	return w
}

// Zoom returns w zoomed by factor f (>1: in) around the fraction at of
// the window (0 its left edge, 1 its right), at most 4,096×.
func (w Window) Zoom(f, at float64) Window {
	w = w.norm()
	span := w.To - w.From
	ns := min(max(span/f, 1.0/4096), 1)
	c := w.From + at*span
	return Window{c - at*ns, c - at*ns + ns}.norm()
}

// Pan returns w moved by d times its width (negative: to the left).
func (w Window) Pan(d float64) Window {
	w = w.norm()
	s := (w.To - w.From) * d
	return Window{w.From + s, w.To + s}.norm()
}

// zoomX maps an x of the unzoomed plot [left, left+width] through w.
func (w Window) zoomX(x, left, width float64) float64 {
	w = w.norm()
	return left + (x-left-w.From*width)/(w.To-w.From)
}

// inPlot reports whether x is within the plot (with a margin of m px).
func (d *Diagram) inPlot(x, m float64) bool { return x >= d.Left-m && x <= d.Right+m }

// plotClip defines the clip of the growing layer: the plot when zoomed
// (nothing drawn over the labels), else the whole picture.
func (w *svgw) plotClip(d *Diagram) {
	x0, x1 := 0.0, d.Width
	if d.Window.Zoomed() {
		x0, x1 = d.Left-1, d.Right+1
	}
	w.s(`<clipPath id="`, w.id, `-plot"><rect x="`)
	w.f(x0)
	w.s(`" y="0" width="`)
	w.f(x1 - x0)
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`"/></clipPath>`, "\n")
}
