package timeline

import (
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
				w.markerLabel(m, labelY, half)
				lastEnd = m.X + half + 2
			}
		}
	}
}

// markerLabel draws a marker's label. A count ("+1 ×3": markers merged
// in one pixel, or the one kept beside a band of many) is drawn only once
// its last event has happened: the label's first part ("+1") comes with
// its first event, the count ("×3") after it with its last, so the
// picture never tells of events still to come.
func (w *svgw) markerLabel(m *Marker, labelY, half float64) {
	base, count, counted := strings.Cut(m.Label, " ×")
	full := m.Seq1
	if m.CountAt > 0 {
		full = m.CountAt
	}
	if !counted || full <= m.Seq0 {
		w.item(m.Seq0)
		w.text("ml", m.X, labelY, "", m.Label, ` text-anchor="middle" data-seq="`, strconv.Itoa(m.Seq0), `"`)
		w.s("\n")
		return
	}
	x := m.X - half
	w.item(m.Seq0)
	w.text("ml", x, labelY, "", base, ` data-seq="`, strconv.Itoa(m.Seq0), `"`)
	w.s("\n")
	w.item(full)
	w.text("ml", x+float64(utf8.RuneCountInString(base)+1)*7.2, labelY, "", "×"+count, ` data-seq="`, strconv.Itoa(full), `"`)
	w.s("\n")
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
