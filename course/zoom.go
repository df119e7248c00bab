package course

import (
	"math"
	"sort"

	"lanes/timeline"
)

// Redraw lays the drawing's run out again with another window (zoom) and
// other group lanes expanded, with the options it was drawn with.
func (r Drawing) Redraw(win timeline.Window, expand []string) Drawing {
	if r.Trace == nil {
		return r
	}
	o := r.opts
	o.Window, o.Expand = win, expand
	return Draw(r.Trace, o)
}

// Fit is the drawing laid out again w px wide and, when h > 0, with its
// lanes and tracks grown to fill about h px (timeline.Options.Height),
// or, when most > 0, shrunk to fit in most px if it is taller
// (timeline.Options.MaxHeight): the page measured its box. Sizes are
// rounded to whole pixels; the same drawing comes back when they do not
// change it (or w is not positive).
func (r Drawing) Fit(w, h, most float64) Drawing {
	if r.Trace == nil || w <= 0 {
		return r
	}
	w, h, most = math.Round(w), math.Round(max(h, 0)), math.Round(max(most, 0))
	if w == r.opts.Width && h == r.opts.Height && most == r.opts.MaxHeight {
		return r
	}
	o := r.opts
	o.Width, o.Height, o.MaxHeight = w, h, most
	return Draw(r.Trace, o)
}

// LabelsAt is the drawing's label column alone after pos events
// (timeline.LabelsSVG): a page keeps it in view over a picture wider than
// its box. "" without a drawing.
func (r Drawing) LabelsAt(pos int) string {
	if r.d == nil {
		return ""
	}
	return timeline.LabelsSVG(r.d, timeline.SVGOptions{}, pos)
}

// Window is the part of the run the drawing shows (zero: all of it).
func (r Drawing) Window() timeline.Window { return r.opts.Window }

// PosAt is the player's position for a pointer at x (user units): the
// number of events at or left of x (0 left of the first).
func (r Drawing) PosAt(x float64) int {
	if len(r.StepX) < 2 {
		return 0
	}
	xs := r.StepX[1:] // StepX[p] is the x of event p-1
	return sort.Search(len(xs), func(i int) bool { return xs[i] > x })
}

// InPlot reports whether x (user units) is in the plot, where the
// pointer means a time, not a label.
func (r Drawing) InPlot(x float64) bool { return x >= r.Left && x <= r.Right }

// CardHTML is the hover card of event seq as HTML ("" for none): the
// lines of timeline.Describe, escaped.
func (r Drawing) CardHTML(seq int) string {
	c, ok := timeline.Describe(r.Trace, seq)
	if !ok {
		return ""
	}
	ls := c.Lines()
	h := `<strong>` + timeline.EscapeHTML(ls[0]) + `</strong>`
	for _, l := range ls[1:] {
		h += `<span>` + timeline.EscapeHTML(l) + `</span>`
	}
	return h
}

// NextOnLine is the position just after the first event at or after pos
// on source line line (the player then shows that event), or -1.
func (r Drawing) NextOnLine(pos, line int) int {
	if r.Trace == nil || line <= 0 {
		return -1
	}
	evs := r.Trace.Events
	for k := max(pos, 0); k < len(evs); k++ {
		if int(evs[k].Line) == line {
			return k + 1
		}
	}
	for k := 0; k < min(pos, len(evs)); k++ { // wrap around
		if int(evs[k].Line) == line {
			return k + 1
		}
	}
	return -1
}

// ShownAt is how many children of the SVG's event group are drawn after
// pos events (-1 when the drawing has no reveal counts).
func (r Drawing) ShownAt(pos int) int {
	if len(r.Shown) == 0 {
		return -1
	}
	return r.Shown[min(max(pos, 0), len(r.Shown)-1)]
}
