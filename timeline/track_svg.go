package timeline

// A track's chart in the SVG: a counter's or a value's steps over time
// (stepPath), its background row, and the labels of its values, the
// highest and lowest placed first (trackMarks).

import (
	"slices"
	"strconv"
)

// stepPath draws a step chart of ps from base up (scale px per unit) until
// endX; area closes it down to the base.
func (w *svgw) stepPath(cls string, ps []Point, base, scale, endX float64, area bool) {
	w.s(`<path class="`, cls, `" d="M`)
	w.pt(ps[0].X, base)
	for _, p := range ps {
		w.s("H")
		w.f(p.X)
		w.s("V")
		w.f(base - float64(p.V)*scale)
	}
	w.s("H")
	w.f(max(endX, ps[len(ps)-1].X))
	if area {
		w.s("V")
		w.f(base)
		w.s("Z")
	}
	w.s(`"/>`, "\n")
}

// trackBack draws a track's background, label and scale.
func (w *svgw) trackBack(d *Diagram, tr *Track) {
	w.rect("tkb", d.Left, tr.Y+2, d.Right-d.Left, tr.H-4, "", -1, -1)
	w.label("lbl", 8, tr.Y+tr.H/2+4, trackChars(d, tr), tr.Title, tr.Label)
	w.s("\n")
	if tr.Max > 0 {
		w.text("dim", d.Left-4, tr.Y+13, "", strconv.FormatInt(tr.Max, 10), ` text-anchor="end"`)
		w.s("\n")
	}
}

// trackChars is how many characters of a track's label fit beside its
// scale.
func trackChars(d *Diagram, tr *Track) int {
	digits := 0
	if tr.Max > 0 {
		digits = len(strconv.FormatInt(tr.Max, 10))
	}
	return labelChars(d.Left, digits)
}

// trackGeom is a track's base line and px per unit.
func trackGeom(tr *Track) (base, scale float64) {
	base = tr.Y + tr.H - 5
	if tr.Max > 0 {
		scale = (tr.H - 16) / float64(tr.Max)
	}
	return base, scale
}

// trackChart draws a track's step chart.
func (w *svgw) trackChart(d *Diagram, tr *Track) {
	if len(tr.Points) == 0 {
		return
	}
	base, scale := trackGeom(tr)
	end := d.endX()
	w.stepPath("tka", tr.Points, base, scale, end, true)
	w.stepPath("tk", tr.Points, base, scale, end, false)
}

// trackMarks writes a track's value labels and markers as event items.
// Where the labels do not all fit, the track's highest and lowest values
// are placed first and the others fill the room left (in time order), so
// a label never passes for the peak where a higher value went unlabelled.
func (w *svgw) trackMarks(d *Diagram, tr *Track) {
	base, scale := trackGeom(tr)
	type span struct{ x0, x1 float64 }
	var placed []span
	var keep []int
	try := func(i int) {
		p := tr.Points[i]
		if i == 0 || p.V == tr.Points[i-1].V || p.X < w.left || p.X > w.right-8 {
			return
		}
		v := strconv.FormatInt(p.V, 10)
		y := min(base-float64(p.V)*scale-3, base+1) // a negative count: on the base line, not in the lane below
		if e := d.Exit; e != nil && y-9 < d.Top+3 && p.X+2+6.6*float64(len(v)) > e.X && p.X+2 < e.X+34 {
			return // under the exit line's label (the track's scale shows its top)
		}
		sp := span{p.X, p.X + 2 + 6.6*float64(len(v)) + 4} // the label's width (11 px digits) and a gap
		for _, o := range placed {
			if sp.x0 < o.x1 && o.x0 < sp.x1 {
				return
			}
		}
		placed = append(placed, sp)
		keep = append(keep, i)
	}
	if hi, lo := extremes(tr.Points); hi > 0 {
		try(hi)
		try(lo)
	}
	for i := range tr.Points {
		if !slices.Contains(keep, i) {
			try(i)
		}
	}
	slices.Sort(keep)
	for _, i := range keep {
		p := tr.Points[i]
		v := strconv.FormatInt(p.V, 10)
		y := min(base-float64(p.V)*scale-3, base+1)
		w.item(p.Seq)
		w.text("dim", p.X+2, y, "", v, ` data-seq="`, strconv.Itoa(p.Seq), `"`)
		w.s("\n")
	}
	w.markers(tr.Marks, tr.Y+8)
}

// extremes returns the first points (after the initial one) at which a
// track reaches its highest and its lowest value; 0, 0 when it never
// changes.
func extremes(ps []Point) (hi, lo int) {
	for i := 1; i < len(ps); i++ {
		if hi == 0 || ps[i].V > ps[hi].V {
			hi = i
		}
		if lo == 0 || ps[i].V < ps[lo].V {
			lo = i
		}
	}
	return hi, lo
}
