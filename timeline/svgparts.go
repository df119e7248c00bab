package timeline

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// svgw appends SVG text to a byte slice.
type svgw struct {
	b      []byte
	id     string  // id prefix
	left   float64 // what is drawn left of this or right of right is culled
	right  float64
	items  []itemPos // the event group's children so far
	labelW float64   // the lane label column's width (Diagram.Left)
}

// itemPos is where one child of the event group starts in b, and the
// event that shows it.
type itemPos struct{ seq, at int }

// item starts a child of the event group shown from event seq on.
func (w *svgw) item(seq int) { w.items = append(w.items, itemPos{seq: seq, at: len(w.b)}) }

// sortItems reorders the items written since base by their event (stably)
// and returns their events in the new order.
func (w *svgw) sortItems(base int) []int {
	its := w.items
	if len(its) == 0 {
		return nil
	}
	type chunk struct {
		seq int
		b   []byte
	}
	cs := make([]chunk, len(its))
	for i, it := range its {
		end := len(w.b)
		if i+1 < len(its) {
			end = its[i+1].at
		}
		cs[i] = chunk{it.seq, w.b[it.at:end]}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].seq < cs[j].seq })
	out := make([]byte, 0, len(w.b)-base)
	seqs := make([]int, len(cs))
	for i, c := range cs {
		out = append(out, c.b...)
		seqs[i] = c.seq
	}
	w.b = append(w.b[:base], out...)
	return seqs
}

func (w *svgw) s(ss ...string) {
	for _, s := range ss {
		w.b = append(w.b, s...)
	}
}

// f writes x with one decimal, without a trailing ".0" and never "-0".
func (w *svgw) f(x float64) {
	n := len(w.b)
	w.b = strconv.AppendFloat(w.b, x, 'f', 1, 64)
	if w.b[len(w.b)-1] == '0' && w.b[len(w.b)-2] == '.' {
		w.b = w.b[:len(w.b)-2]
	}
	if string(w.b[n:]) == "-0" {
		w.b = append(w.b[:n], '0')
	}
}

func (w *svgw) pt(x, y float64) {
	w.f(x)
	w.s(",")
	w.f(y)
}

// esc writes untrusted text escaped for XML/HTML content and attributes.
// Invalid UTF-8 and characters XML forbids become U+FFFD.
func (w *svgw) esc(s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			w.s("&amp;")
		case r == '<':
			w.s("&lt;")
		case r == '>':
			w.s("&gt;")
		case r == '"':
			w.s("&#34;")
		case r == '\'':
			w.s("&#39;")
		case r == '\n' || r == '\t':
			w.s(" ")
		case r == utf8.RuneError && n == 1, r < 0x20, r >= 0x7f && r < 0xa0, r == 0xfffe, r == 0xffff:
			w.s("\uFFFD")
		default:
			w.b = append(w.b, s[i:i+n]...)
		}
		i += n
	}
}

func (w *svgw) seqs(seq0, seq1 int) {
	if seq0 >= 0 {
		w.s(` data-seq="`, strconv.Itoa(seq0), `"`)
	}
	if seq1 > seq0 {
		w.s(` data-end="`, strconv.Itoa(seq1), `"`)
	}
}

func (w *svgw) rect(cls string, x, y, wd, h float64, title string, seq0, seq1 int) {
	w.s(`<rect class="`, cls, `" x="`)
	w.f(x)
	w.s(`" y="`)
	w.f(y)
	w.s(`" width="`)
	w.f(wd)
	w.s(`" height="`)
	w.f(h)
	w.s(`"`)
	w.seqs(seq0, seq1)
	w.closeTitle("rect", title)
}

func (w *svgw) closeTitle(tag, title string) {
	if title == "" {
		w.s("/>\n")
		return
	}
	w.s("><title>")
	w.esc(title)
	w.s("</title></", tag, ">\n")
}

func (w *svgw) line(cls string, x0, y0, x1, y1 float64, seq int) {
	w.s(`<line class="`, cls, `" x1="`)
	w.f(x0)
	w.s(`" y1="`)
	w.f(y0)
	w.s(`" x2="`)
	w.f(x1)
	w.s(`" y2="`)
	w.f(y1)
	w.s(`"`)
	w.seqs(seq, seq)
	w.s("/>")
}

func (w *svgw) text(cls string, x, y float64, title, s string, attrs ...string) {
	w.s(`<text class="`, cls, `" x="`)
	w.f(x)
	w.s(`" y="`)
	w.f(y)
	w.s(`"`)
	w.s(attrs...)
	w.s(">")
	if title != "" {
		w.s("<title>")
		w.esc(title)
		w.s("</title>")
	}
	w.esc(s)
	w.s("</text>")
}

// shape is the path of a marker centred on (x, y).
func (w *svgw) shape(k MarkKind, x, y float64) {
	circle := func(r float64) {
		w.s("M")
		w.pt(x-r, y)
		w.s("a")
		w.f(r)
		w.s(",")
		w.f(r)
		w.s(" 0 1,0 ")
		w.f(2 * r)
		w.s(",0a")
		w.f(r)
		w.s(",")
		w.f(r)
		w.s(" 0 1,0 ")
		w.f(-2 * r)
		w.s(",0z")
	}
	poly := func(pts ...float64) {
		for i := 0; i < len(pts); i += 2 {
			w.s([]string{"M", "L"}[min(i, 1)])
			w.pt(x+pts[i], y+pts[i+1])
		}
		w.s("z")
	}
	if w.raceShape(k, x, y) { // race.go
		return
	}
	switch k {
	case MarkGo:
		circle(3.5)
	case MarkAdd:
		poly(0, -5, 5, 4, -5, 4)
	case MarkDone:
		poly(0, 5, 5, -4, -5, -4)
	case MarkWait, MarkReturn:
		poly(0, -5.5, 5.5, 0, 0, 5.5, -5.5, 0)
	case MarkSelect:
		poly(0, -4, 4, 0, 0, 4, -4, 0)
	case MarkPrint:
		poly(-4.5, -4.5, 4.5, -4.5, 4.5, 2, -1, 2, -3.5, 5, -3.5, 2, -4.5, 2)
	case MarkPanic:
		poly(0, -6.5, 6, 5, -6, 5)
	case MarkAcquire, MarkRelease:
		poly(-4, -4, 4, -4, 4, 4, -4, 4)
	case MarkSend, MarkRecv:
		poly(-4, -5, 5, 0, -4, 5)
	case MarkCancel:
		w.s("M")
		w.pt(x-4, y-4)
		w.s("L")
		w.pt(x+4, y+4)
		w.s("M")
		w.pt(x+4, y-4)
		w.s("L")
		w.pt(x-4, y+4)
	case MarkClose:
		circle(4)
		w.s("M")
		w.pt(x-2.8, y+2.8)
		w.s("L")
		w.pt(x+2.8, y-2.8)
	case MarkTimer:
		circle(4.5)
		w.s("M")
		w.pt(x, y-3)
		w.s("V")
		w.f(y)
		w.s("H")
		w.f(x + 2.5)
	case MarkOnce:
		circle(3)
	default: // MarkRecover
		circle(4)
	}
}

// markers draws markers with their labels at labelY, skipping labels
// that would overlap the previous one.
func (w *svgw) markers(ms []Marker, labelY float64) {
	lastEnd := -1e9
	for i := range ms {
		m := &ms[i]
		if m.Kind == MarkMany {
			continue // drawn with the lane's bars (manyBands), clipped at the playhead
		}
		w.item(m.Seq0)
		w.s(`<path class="m m-`, string(m.Kind), `"`)
		w.seqs(m.Seq0, m.Seq1)
		w.s(` d="`)
		w.shape(m.Kind, m.X, m.Y)
		w.s(`"`)
		w.closeTitle("path", m.Title)
		if m.Label != "" {
			half := float64(utf8.RuneCountInString(m.Label)) * 3.6 // 11 px bold
			if m.X-half > lastEnd {
				w.item(m.Seq0)
				w.text("ml", m.X, labelY, "", m.Label, ` text-anchor="middle" data-seq="`, strconv.Itoa(m.Seq0), `"`)
				w.s("\n")
				lastEnd = m.X + half + 2
			}
		}
	}
}

func (w *svgw) arrows(d *Diagram) {
	for i := range d.Arrows {
		a := &d.Arrows[i]
		y0, y1 := a.Y0+6, a.Y1-6
		if a.Y1 < a.Y0 {
			y0, y1 = a.Y0-6, a.Y1+6
		}
		k := string(a.Kind)
		w.s(`<path class="a a-`, k, `"`)
		if a.Kind != MarkRace { // a race's two accesses are joined, not ordered
			w.s(` marker-end="url(#`, w.id, `-ah-`, k, `)"`)
		}
		w.seqs(a.Seq0, a.Seq1)
		w.s(` d="M`)
		w.pt(a.X0, y0)
		w.s("L")
		w.pt(a.X1, y1)
		w.s(`"`)
		w.closeTitle("path", a.Title)
	}
}

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

func (w *svgw) exit(d *Diagram) {
	if d.Exit == nil {
		return
	}
	e := d.Exit
	if e.X < w.left-1 || e.X > w.right+1 {
		return
	}
	w.item(e.Seq)
	w.s(`<g class="exit-g"><title>`)
	w.esc(e.Title)
	w.s(`</title>`)
	w.line("exit", e.X, d.Top-2, e.X, d.Axis.Y, e.Seq)
	w.text("exl", e.X+3, d.Top-1, "", e.Label, ` data-seq="`, strconv.Itoa(e.Seq), `"`)
	w.s("</g>\n")
}

func (w *svgw) axis(d *Diagram) {
	a := &d.Axis
	w.line("ax", d.Left, a.Y+0.5, d.Right, a.Y+0.5, -1)
	w.s("\n")
	for i := range a.Instants {
		w.instant(a, &a.Instants[i])
	}
	for _, tk := range a.Ticks {
		w.line("ax", tk.X, a.Y+0.5, tk.X, a.Y+5, -1)
		w.text("dim", tk.X, a.Y+16, "", tk.Label, ` text-anchor="middle"`)
		w.s("\n")
	}
	label := a.Label
	if float64(utf8.RuneCountInString(label))*6.6 > d.Left-12 { // a phone's narrow label column
		label, _, _ = strings.Cut(label, " (")
	}
	w.text("dim", d.Left-8, a.Y+16, "", label, ` text-anchor="end"`)
	w.s("\n")
}
