package timeline

import (
	"strconv"
	"unicode/utf8"

	"lanes/sim/trace"
)

// Theme selects the colours of an SVG.
type Theme uint8

// Themes.
const (
	ThemeAuto  Theme = iota // follows prefers-color-scheme
	ThemeLight              // always light
	ThemeDark               // always dark
)

// SVGOptions configure SVG.
type SVGOptions struct {
	Theme Theme
	// IDPrefix prefixes the ids of the SVG's patterns and arrowheads
	// (default "lanes"); give each SVG on one page its own.
	IDPrefix string
}

// SVG renders d as one self-contained SVG document (a single <svg>
// element). The same diagram and options always give the same string.
func SVG(d *Diagram, opts SVGOptions) string {
	if opts.IDPrefix == "" {
		opts.IDPrefix = "lanes"
	}
	w := &svgw{b: make([]byte, 0, 4096+len(d.Lanes)*1024), id: opts.IDPrefix}
	th := [...]string{ThemeAuto: "th-auto", ThemeLight: "th-light", ThemeDark: "th-dark"}[opts.Theme%3]
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="lanes-tl `, th, `" width="`)
	w.f(d.Width)
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`" viewBox="0 0 `)
	w.f(d.Width)
	w.s(" ")
	w.f(d.Height)
	w.s(`" role="img" aria-label="`)
	w.esc(d.Title)
	w.s(`" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif" font-size="11">`, "\n<title>")
	w.esc(d.Title)
	w.s("</title>\n<style>\n", css, "</style>\n")
	w.defs()
	w.s(`<rect class="bg" width="`)
	w.f(d.Width)
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`"/>`, "\n")
	if d.Caption != "" {
		w.text("cap", 10, 18, "", truncate(d.Caption, int((d.Width-20)/7)))
		w.s("\n")
	}
	w.rows(d)
	w.grid(d)
	for i := range d.Lanes {
		w.lane(d, &d.Lanes[i])
	}
	w.arrows(d)
	for i := range d.Tracks {
		w.track(d, &d.Tracks[i])
	}
	w.exit(d)
	w.axis(d)
	w.legend(d)
	w.s("</svg>\n")
	return string(w.b)
}

func (w *svgw) defs() {
	w.s(`<defs><pattern id="`, w.id, `-hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">`,
		`<rect class="hb" width="5" height="5"/><rect class="hf" width="2" height="5"/></pattern>`)
	for _, k := range []string{"go", "send"} {
		w.s(`<marker id="`, w.id, `-ah-`, k, `" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">`,
			`<path class="ah-`, k, `" d="M0,0L8,4L0,8z"/></marker>`)
	}
	w.s("</defs>\n")
}

// rows draws lane stripes and labels.
func (w *svgw) rows(d *Diagram) {
	maxChars := int((d.Left - 14) / 6.6)
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		if i%2 == 1 {
			w.rect("row", 0, ln.Y, d.Width, ln.H, "", -1, -1)
		}
		w.s(`<text class="lbl" x="8" y="`)
		w.f(ln.Mid() + 4)
		w.s(`"><title>`)
		w.esc(ln.Title)
		w.s(`</title>`)
		w.esc(truncate(ln.Label, maxChars))
		w.s("</text>\n")
	}
}

func (w *svgw) grid(d *Diagram) {
	for _, tk := range d.Axis.Ticks {
		w.line("grid", tk.X, d.Top, tk.X, d.Axis.Y, -1)
	}
	w.s("\n")
}

var stateClass = map[trace.State]string{
	trace.StateRunning: "s-run", trace.StateRunnable: "s-rdy",
	trace.StateBlocked: "s-blk", trace.StateSleeping: "s-slp",
}

func segTitle(s *Segment) string {
	t := s.State.String()
	switch s.State {
	case trace.StateRunnable:
		t = "runnable (waiting for its turn)"
	case trace.StateBlocked:
		t = "blocked"
		if s.Why != "" {
			t += " on " + s.Why
		}
		if s.On != "" {
			t += " (" + s.On + ")"
		}
	case trace.StateSleeping:
		if s.Why != "" {
			t += ": " + s.Why
		}
	}
	if s.Merged > 1 {
		t += " (" + strconv.Itoa(s.Merged) + " short stretches merged)"
	}
	return t
}

func (w *svgw) lane(d *Diagram, ln *Lane) {
	m := ln.Mid()
	w.s(`<g class="ln"`)
	if ln.G != trace.NoGoroutine {
		w.s(` data-g="`, strconv.Itoa(int(ln.G)), `"`)
	}
	w.s(">\n")
	for i := range ln.Segments {
		s := &ln.Segments[i]
		cls := stateClass[s.State]
		y, h := m-5, 10.0
		switch s.State {
		case trace.StateRunnable:
			y, h = m-1.5, 3
		case trace.StateSleeping:
			y, h = m-4, 8
		case trace.StateBlocked:
			cls += `" fill="url(#` + w.id + `-hatch)`
		}
		if cls == "" {
			continue
		}
		w.rect(cls, s.X0, y, max(s.X1-s.X0, 0.5), h, segTitle(s), s.Seq0, s.Seq1)
	}
	if len(ln.Alive) > 0 && ln.AliveMax > 0 {
		w.stepPath("grp", ln.Alive, ln.Y+ln.H-3, (ln.H-6)/float64(ln.AliveMax), d.endX(), true)
	}
	w.end(ln)
	w.markers(ln.Markers, ln.Y+8)
	w.s("</g>\n")
}

func (w *svgw) end(ln *Lane) {
	x, m := ln.EndX, ln.Mid()
	switch ln.End {
	case EndDone:
		w.line("e-done", x, m-6, x, m+6, ln.EndSeq)
	case EndKilled, EndLeaked:
		cls, title := "e-cut", "killed at exit"
		if ln.End == EndLeaked {
			cls, title = "e-leak", ln.EndText
		}
		w.zigzag(cls, x, m, ln.EndSeq, title)
		if ln.End == EndLeaked {
			w.text("leak", x+6, m+4, title, "leaked")
		}
	}
}

// endX is where step charts stop: the exit, or the last event.
func (d *Diagram) endX() float64 {
	if d.Exit != nil {
		return d.Exit.X
	}
	return d.X(d.Events - 1)
}

// zigzag is the cut mark of a goroutine killed at exit.
func (w *svgw) zigzag(cls string, x, m float64, seq int, title string) {
	w.s(`<path class="`, cls, `"`)
	w.seqs(seq, seq)
	w.s(` d="M`)
	w.pt(x, m-8)
	for i, dy := range []float64{-5, -1, 3, 7} {
		w.s("L")
		w.pt(x+3-float64(i%2)*6, m+dy)
	}
	w.s("L")
	w.pt(x, m+9)
	w.s(`"`)
	w.closeTitle("path", title)
}

func (w *svgw) legend(d *Diagram) {
	for _, it := range d.Legend {
		x, y := it.X, it.Y
		switch it.Key {
		case "running", "end-done":
			w.rect("s-run", x, y-5, 18, 10, "", -1, -1)
			if it.Key == "end-done" {
				w.line("e-done", x+18, y-6, x+18, y+6, -1)
			}
		case "runnable":
			w.rect("s-rdy", x, y-1.5, 18, 3, "", -1, -1)
		case "blocked":
			w.rect(`s-blk" fill="url(#`+w.id+`-hatch)`, x, y-5, 18, 10, "", -1, -1)
		case "sleeping":
			w.rect("s-slp", x, y-4, 18, 8, "", -1, -1)
		case "killed":
			w.zigzag("e-cut", x+9, y, -1, "")
		case "leaked":
			w.zigzag("e-leak", x+9, y, -1, "")
		default:
			w.s(`<path class="m m-`, it.Key, `" d="`)
			w.shape(MarkKind(it.Key), x+9, y)
			w.s(`"/>`)
		}
		w.text("dim", x+24, y+3.5, "", it.Label)
		w.s("\n")
	}
}

// truncate shortens s to n runes, ending with "…".
func truncate(s string, n int) string {
	if n < 2 {
		n = 2
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
