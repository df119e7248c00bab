package timeline

import (
	"strconv"
	"strings"

	"lanes/sim/trace"
)

// ExportOptions configure Export. The zero value is a 960 px picture on the
// virtual-time scale, following the reader's colour scheme, of the whole
// run.
type ExportOptions struct {
	Width float64 // px (default 960, as Options.Width)
	Scale Scale
	Theme Theme
	// At is the player's position: the number of events shown. The caption
	// describes the event at that moment (StepCaption) and, unless At is
	// the end, a playhead marks it. At < 0 or past the end means the end.
	At int
	// InFlight adds the "in flight" track (Options.InFlight), as the
	// lesson pages about limiting concurrency show it.
	InFlight bool
}

// Export draws a run as a standalone picture: the layout of t with a
// caption line (the code line and what happened, as the player shows it)
// and the playhead at opts.At, as one self-contained SVG document.
//
// It is the single source of downloaded and exported pictures: the lesson
// page's "Download SVG" and `lanes svg` both call it, so the same program,
// seed, strategy and options give the same bytes.
func Export(t *trace.Trace, opts ExportOptions) string {
	n := len(t.Events)
	at := opts.At
	if at < 0 || at > n {
		at = n
	}
	d := Layout(t, Options{Width: opts.Width, Scale: opts.Scale, InFlight: opts.InFlight, Caption: StepCaption(t, at)})
	svg := SVG(d, SVGOptions{Theme: opts.Theme})
	if at == n {
		return svg
	}
	xs := strconv.FormatFloat(PlayheadX(d, at), 'f', 1, 64)
	line := `<line class="playhead" x1="` + xs + `" x2="` + xs + `" y1="` +
		strconv.FormatFloat(d.Top-4, 'f', 1, 64) + `" y2="` + strconv.FormatFloat(d.Bottom(), 'f', 1, 64) +
		`" stroke="#e8590c" stroke-width="2"/>` + "\n"
	i := strings.LastIndex(svg, "</svg>")
	return svg[:i] + line + svg[i:]
}

// PlayheadX is the playhead's x when the first pos events have happened
// (the player's position): the plot's left edge at 0, else the x of the
// last event shown, X(pos-1). pos is clamped to [0, d.Events].
func PlayheadX(d *Diagram, pos int) float64 {
	if pos <= 0 || d.Events == 0 {
		return d.Left
	}
	return d.X(min(pos, d.Events) - 1)
}

// StepCaptionSrc is StepCaption quoting the program's source, src (its
// lines), where the last event shown is a statement: "line 13 ·
// worker(1): time.Sleep(…)" rather than "line 13 · worker(1): line 13".
// The line is trimmed and cut at maxQuote characters with "…".
func StepCaptionSrc(t *trace.Trace, pos int, src []string) string {
	c := StepCaption(t, pos)
	if pos <= 0 || pos > len(t.Events) {
		return c
	}
	e := &t.Events[pos-1]
	if e.Kind != trace.KindStmt || e.Line <= 0 || int(e.Line) > len(src) {
		return c
	}
	code := strings.TrimSpace(src[e.Line-1])
	at := "line " + strconv.Itoa(int(e.Line))
	if code == "" || !strings.HasSuffix(c, ": "+at) {
		return c
	}
	if r := []rune(code); len(r) > maxQuote {
		code = string(r[:maxQuote-1]) + "…"
	}
	return strings.TrimSuffix(c, at) + code
}

// maxQuote: a caption quotes at most this many characters of a line.
const maxQuote = 60

// StepCaption describes the player's position pos (events shown) in words:
// "start: nothing has happened yet" at 0, else the line and Caption of the
// last event shown, e.g. "line 13 · worker 2: wg.Done() — counter 1 → 0".
// A pos past the end is the end.
func StepCaption(t *trace.Trace, pos int) string {
	n := len(t.Events)
	if pos < 0 || pos > n {
		pos = n
	}
	if pos == 0 {
		return "start: nothing has happened yet"
	}
	c := Caption(t, pos-1)
	e := &t.Events[pos-1]
	if e.Kind == trace.KindState && e.State == trace.StateDone {
		return c // a return: the goroutine's last line would name its last blocking call, not the return
	}
	if l := e.Line; l > 0 {
		c = "line " + strconv.Itoa(int(l)) + " · " + c
	}
	return c
}
