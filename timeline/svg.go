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
// element) of the whole run. The same diagram and options always give the
// same string. It is SVGAt(d, opts, d.Events).
func SVG(d *Diagram, opts SVGOptions) string { return SVGAt(d, opts, d.Events) }

// SVGAt renders d as the run looks after its first at events (the
// player's position, clamped to [0, d.Events]): what has happened is
// drawn, what has not is not. The SVG holds every shape in two layers
// that a player can move cheaply:
//
//   - bars, step charts and arrows (what grows with time) sit in a group
//     clipped by the rectangle #<prefix>-clip, whose width is
//     PlayheadX(d, at) (the whole picture at the end);
//   - markers, their labels, lane labels, lane ends, track values and
//     the exit line (what appears at one event) sit in the group
//     #<prefix>-ev, sorted by the event that shows them; the style
//     element #<prefix>-reveal hides the children from number
//     Reveal(d)[at]+1 on ("#<prefix>-ev>:nth-child(n+K){display:none}").
//
// Moving the playhead is then two attribute writes, whatever the size of
// the run.
func SVGAt(d *Diagram, opts SVGOptions, at int) string {
	svg, _ := render(d, opts, at)
	return svg
}

// SVGReveal is SVG(d, opts) and Reveal(d) in one rendering.
func SVGReveal(d *Diagram, opts SVGOptions) (string, []int) {
	svg, seqs := render(d, opts, d.Events)
	return svg, revealCounts(d, seqs)
}

// render draws the SVG after at events and returns the event of every
// child of the event group, in order.
func render(d *Diagram, opts SVGOptions, at int) (string, []int) {
	if opts.IDPrefix == "" {
		opts.IDPrefix = "lanes"
	}
	at = min(max(at, 0), d.Events)
	w := &svgw{b: make([]byte, 0, 4096+len(d.Lanes)*1024), id: opts.IDPrefix, labelW: d.Left}
	th := [...]string{ThemeAuto: "th-auto", ThemeLight: "th-light", ThemeDark: "th-dark"}[opts.Theme%3]
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="lanes-tl `, th, `" width="`)
	w.f(d.Width)
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`" viewBox="0 0 `)
	w.f(d.Width)
	w.s(" ")
	w.f(d.Height)
	w.s(`"`)
	if d.Shrunk > 0 {
		// How much taller the picture is at its natural size, for a page
		// that reports its natural height (an embed's height script).
		w.s(` data-shrunk="`)
		w.f(d.Shrunk)
		w.s(`"`)
	}
	if d.Window.Zoomed() {
		// The part of the run shown, for players and tests.
		w.s(` data-window="`, strconv.FormatFloat(d.Window.From, 'f', 4, 64), " ", strconv.FormatFloat(d.Window.To, 'f', 4, 64), `"`)
	}
	w.s(` role="img" aria-label="`)
	w.esc(d.Title)
	w.s(`" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="11">`, "\n<title>")
	w.esc(d.Title)
	w.s("</title>\n<style>\n", css, raceCSS(d), "</style>\n")
	w.defs()
	w.s(`<clipPath id="`, w.id, `-clipp"><rect id="`, w.id, `-clip" x="0" y="0" width="`)
	w.f(ClipWidth(d, at))
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`"/></clipPath>`, "\n")
	w.plotClip(d)
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
	for i := range d.Tracks {
		w.trackBack(d, &d.Tracks[i])
	}
	w.left, w.right = d.Left, d.Right
	if !d.Window.Zoomed() {
		w.right = d.Width
	}
	w.s(`<g clip-path="url(#`, w.id, `-plot)"><g clip-path="url(#`, w.id, `-clipp)">`, "\n")
	for i := range d.Lanes {
		w.laneBars(d, &d.Lanes[i])
	}
	w.arrows(d)
	for i := range d.Tracks {
		w.trackChart(d, &d.Tracks[i])
	}
	w.s("</g></g>\n")
	w.s(`<g class="ev" id="`, w.id, `-ev">`, "\n")
	w.items = w.items[:0]
	base := len(w.b)
	w.laneLabels(d)
	for i := range d.Lanes {
		w.laneMarks(&d.Lanes[i])
	}
	for i := range d.Tracks {
		w.trackMarks(d, &d.Tracks[i])
	}
	w.exit(d)
	seqs := w.sortItems(base)
	w.s("</g>\n")
	w.axis(d)
	w.legend(d)
	w.s(`<style id="`, w.id, `-reveal">`)
	i := 0
	for i < len(seqs) && seqs[i] < at {
		i++
	}
	w.s(RevealRule(w.id, i, len(seqs)))
	w.s("</style>\n</svg>\n")
	return string(w.b), seqs
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
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		if i%2 == 1 {
			w.rect("row", 0, ln.Y, d.Width, ln.H, "", -1, -1)
		}
	}
}

// laneLabels writes each lane's label as an event item: it appears with
// the lane's first event, or with the go statement that made its
// goroutine (labelStart).
func (w *svgw) laneLabels(d *Diagram) {
	maxChars := labelChars(d.Left, 0)
	spawned := spawnSeqs(d)
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		seq := labelStart(ln, spawned)
		rows := labelRows(ln.Label, maxChars)
		for r, y := range rowsY(labelY(ln), len(rows)) {
			w.item(seq) // one child of the event group per row (Reveal counts them)
			w.s(`<text class="lbl`)
			if ln.Kind == LaneGoroutine && ln.G > 0 {
				w.s(" ", LaneColour(ln.G)) // the goroutine's own colour, as in the code pane
			}
			w.s(`" x="8" y="`)
			w.f(y)
			w.s(`" data-seq="`, strconv.Itoa(seq), `"`)
			if ln.Key != "" {
				w.s(` data-fold="`)
				w.esc(ln.Key)
				w.s(`"`)
			}
			if r > 0 {
				w.s(secondRow)
			}
			w.s(`>`)
			if r == 0 {
				w.s(`<title>`)
				w.esc(ln.Title)
				w.s(`</title>`)
			}
			w.esc(rows[r])
			w.s("</text>\n")
		}
		w.groupNote(ln, seq)
	}
}

// spawnSeqs maps the first event of each goroutine started by a go
// statement drawn as an arrow to that statement's event.
func spawnSeqs(d *Diagram) map[int]int {
	m := map[int]int{}
	for i := range d.Arrows {
		if a := &d.Arrows[i]; a.Kind == MarkGo && a.Seq0 < a.Seq1 {
			m[a.Seq1] = a.Seq0
		}
	}
	return m
}

// labelStart is when a lane's label appears: with the go statement that
// started its goroutine (spawned: spawnSeqs), so that the caption "main:
// go func (goroutine 2)" never points at a row without a name; else with
// the lane's first event.
func labelStart(ln *Lane, spawned map[int]int) int {
	seq := laneStart(ln)
	if g, ok := spawned[seq]; ok {
		return g
	}
	return seq
}

// laneStart is the first event drawn in a lane (0 for an empty lane).
func laneStart(ln *Lane) int {
	seq := -1
	first := func(s int) {
		if s >= 0 && (seq < 0 || s < seq) {
			seq = s
		}
	}
	if len(ln.Segments) > 0 {
		first(ln.Segments[0].Seq0)
	}
	if len(ln.Markers) > 0 {
		first(ln.Markers[0].Seq0)
	}
	if len(ln.Stack) > 0 {
		first(ln.Stack[0].Seq)
	}
	if ln.End != "" {
		first(ln.EndSeq)
	}
	return max(seq, 0)
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

// laneBars draws a lane's segments (or a group lane's step chart).
func (w *svgw) laneBars(d *Diagram, ln *Lane) {
	m := ln.Mid()
	bar := barHeight(ln) // a taller lane (Options.Height) has thicker bars
	w.s(`<g class="ln"`)
	if ln.G != trace.NoGoroutine {
		w.s(` data-g="`, strconv.Itoa(int(ln.G)), `"`)
	}
	w.s(">\n")
	for i := range ln.Segments {
		s := &ln.Segments[i]
		cls := stateClass[s.State]
		y, h := m-bar/2, bar
		switch s.State {
		case trace.StateRunnable:
			y, h = m-1.5, 3
		case trace.StateSleeping:
			y, h = m-bar*0.4, bar*0.8
		case trace.StateBlocked:
			cls += `" fill="url(#` + w.id + `-hatch)`
		}
		if cls == "" {
			continue
		}
		w.rect(cls, s.X0, y, max(s.X1-s.X0, 0.5), h, segTitle(s), s.Seq0, s.Seq1)
	}
	w.stack(d, ln)
	w.manyBands(ln)
	w.s("</g>\n")
}

// laneMarks writes a lane's end and markers as event items.
func (w *svgw) laneMarks(ln *Lane) {
	w.end(ln)
	w.markers(ln.Markers, ln.Mid()-barHeight(ln)/2-1) // just above the bars
}

// barHeight is the thickness of a lane's running and blocked bars: 10
// px in a lane of the default 26, thicker in a taller one.
func barHeight(ln *Lane) float64 { return min(max(10, ln.H*0.38), 16) }

func (w *svgw) end(ln *Lane) {
	x, m := ln.EndX, ln.Mid()
	if ln.End != "" && (x < w.left-2 || x > w.right+2) {
		return // outside a zoomed window
	}
	if ln.End != "" {
		w.item(ln.EndSeq)
	}
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
			w.item(ln.EndSeq)
			w.text("leak", x+6, m+4, title, "leaked", ` data-seq="`, strconv.Itoa(ln.EndSeq), `"`)
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
