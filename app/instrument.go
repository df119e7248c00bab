package app

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/sim/trace"
	"lanes/timeline"
)

// The timeline as an instrument: click or drag on it to seek, wheel or
// W/S to zoom, A/D to pan, "whole run" to reset; a click on a group
// lane's "show them one by one" expands it; hovering (or tapping) an
// event shows its card (a tap on a phone: a tap on a bar shows its card,
// elsewhere it seeks); a click on a code line jumps to the next event on
// that line. By keyboard: the fold row is a button (Enter, Space); the
// code pane is one tab stop, where ↑/↓ choose a line and Enter jumps to
// its next event. The browser's listeners are in instrument_wasm.go;
// the state and what it does to the page are here.

// instrument is the page's zoom and expanded group lanes.
type instrument struct {
	win    timeline.Window
	expand []string // group lanes shown one by one (Lane.Key)
	// codeLine is the code line the keyboard chose (0: none yet).
	codeLine int
}

// zoomStep is the factor of one W/S key or zoom button press.
const zoomStep = 1.6

// themed is SVG of the page (one picture or several, as the legend's) with
// the page's forced theme, if any.
func (p *LessonPage) themed(svg string) string {
	if th := p.state.Theme.String(); th == "light" || th == "dark" {
		// The page's forced theme holds for its timeline too (every
		// picture in svg: the legend's samples are one each).
		svg = strings.ReplaceAll(svg, `class="lanes-tl th-auto"`, `class="lanes-tl th-`+th+`"`)
	}
	return svg
}

// legend is the timeline's legend. An embed's may scroll sideways in a
// short frame (web/share.css): there it is a tab stop, so that keys can
// scroll it.
func (p *LessonPage) legend() string {
	l := p.themed(p.run.Legend)
	if p.embed {
		l = strings.Replace(l, `<ul class="tl-legend"`, `<ul class="tl-legend" tabindex="0"`, 1)
	}
	return l
}

// redraw lays the run out again for the current window and expanded
// lanes, with the playhead where it is.
func (p *LessonPage) redraw() {
	if p.run.Trace == nil {
		return
	}
	p.run = p.run.Redraw(p.inst.win, p.inst.expand)
	p.svg = p.themed(p.run.WithPlayhead(p.pl.pos))
	p.redrawn()
}

// playheadAt is where the playhead is, as a fraction of the plot (the
// anchor of key and button zooms), clamped to [0, 1].
func (p *LessonPage) playheadAt() float64 {
	if len(p.run.StepX) == 0 || p.run.Right <= p.run.Left {
		return 0.5
	}
	x := p.run.StepX[min(max(p.pl.pos, 0), len(p.run.StepX)-1)]
	return min(max((x-p.run.Left)/(p.run.Right-p.run.Left), 0), 1)
}

// zoomBy zooms by f (>1: in) around the fraction at of the plot.
func (p *LessonPage) zoomBy(f, at float64) {
	w := p.inst.win.Zoom(f, at)
	if !w.Zoomed() {
		w = timeline.Window{}
	}
	if w != p.inst.win {
		p.inst.win = w
		p.redraw()
	}
}

// pan moves the window by d times its width.
func (p *LessonPage) pan(d float64) {
	if !p.inst.win.Zoomed() {
		return
	}
	if w := p.inst.win.Pan(d); w != p.inst.win {
		p.inst.win = w
		p.redraw()
	}
}

// resetZoom shows the whole run.
func (p *LessonPage) resetZoom() {
	if p.inst.win.Zoomed() {
		p.inst.win = timeline.Window{}
		p.redraw()
	}
}

// toggleFold shows a group lane's goroutines one by one, or folds them
// again.
func (p *LessonPage) toggleFold(key string) {
	if i := slices.Index(p.inst.expand, key); i >= 0 {
		p.inst.expand = slices.Delete(p.inst.expand, i, i+1)
	} else {
		p.inst.expand = append(p.inst.expand, key)
	}
	p.redraw()
}

// instrumentKey handles the zoom keys (W/S zoom, A/D pan, 0 whole run);
// it reports whether k was one.
func (p *LessonPage) instrumentKey(k string) bool {
	switch k {
	case "w", "W":
		p.zoomBy(zoomStep, p.playheadAt())
	case "s", "S":
		p.zoomBy(1/zoomStep, p.playheadAt())
	case "a", "A":
		p.pan(-0.25)
	case "d", "D":
		p.pan(0.25)
	case "0":
		p.resetZoom()
	default:
		return false
	}
	return true
}

// seekTo moves the playhead to pos (a click on the timeline or a code
// line) and pauses.
func (p *LessonPage) seekTo(ctx app.Context, pos int) {
	if pos < 0 || pos == p.pl.pos && !p.pl.playing {
		return
	}
	p.pl.playing = false
	p.pl.seek(pos)
	p.moved(ctx)
}

// focus is the goroutine that did the last event shown and its current
// line (0: none): the code pane highlights that line in its colour.
func (p *LessonPage) focus(f frame) (trace.GoID, int) {
	t := p.run.Trace
	if t == nil || p.pl.pos <= 0 || p.pl.pos > len(t.Events) {
		return 0, 0
	}
	g := t.Events[p.pl.pos-1].G
	return g, int(f.lines[g])
}

// zoomBar is the row over the timeline: zoom out, zoom in, the whole
// run, and what the pointer and keys do.
func (p *LessonPage) zoomBar() app.UI {
	if p.run.Trace == nil || p.gs.on { // the game shows the run so far, whole
		return nil
	}
	zoomed := p.inst.win.Zoomed()
	return div("zoombar",
		button("zoom zoom-out").Title("Zoom out (S)").Aria("label", "zoom out").Text("−").
			Disabled(!zoomed).OnClick(func(ctx app.Context, e app.Event) { p.zoomBy(1/zoomStep, p.playheadAt()) }),
		button("zoom zoom-in").Title("Zoom in around the playhead (W)").Aria("label", "zoom in").Text("+").
			OnClick(func(ctx app.Context, e app.Event) { p.zoomBy(zoomStep, p.playheadAt()) }),
		button("zoom zoom-reset").Title("Show the whole run (0)").Text("↔ whole run").
			Disabled(!zoomed).OnClick(func(ctx app.Context, e app.Event) { p.resetZoom() }),
		app.Span().Class("zoom-hint").Title(zoomHint(zoomed, p.embed)).Body(
			spanText("hint-keys", zoomHint(zoomed, p.embed)),
			spanText("hint-touch", touchHint(zoomed)),
		),
	)
}

// zoomHint says what the pointer, fingers and keys do; zoomed, that the
// chart shows part of the run and how to move along it (the chart is as
// wide as its box: it never scrolls sideways). An embed's is shorter: it
// shares the zoom buttons' row in a 700 px frame, where the long one took
// a row of its own from the code under the timeline.
func zoomHint(zoomed, short bool) string {
	switch {
	case zoomed && short:
		return "part of the run: A/D or two fingers move along it · W/S zoom"
	case zoomed:
		return "part of the run: drag two fingers or A/D to move along it · pinch, wheel or W/S zoom · ↔ whole run shows all"
	case short:
		return "click or drag to seek · wheel or W/S zoom · hover for details"
	}
	return "click or drag to seek · pinch, wheel or W/S zoom · A/D pan · hover or tap for details"
}

// touchHint is zoomHint for a phone's screen (web/phone.css shows it
// instead, at 480 px and less): fingers only, no keys or wheel.
func touchHint(zoomed bool) string {
	if zoomed {
		return "part of the run: drag two fingers to move along it · pinch to zoom"
	}
	return "tap or drag to seek · pinch to zoom · tap a bar for details"
}

// codeKey handles a key in the focused code pane: ↑/↓ choose a line
// (the first press starts at the line in focus, else the first), Enter
// jumps to the next event on the chosen line. It reports whether k was
// one of them, and the position to seek to (0: none).
func (p *LessonPage) codeKey(k string) (pos int, ok bool) {
	n := strings.Count(strings.TrimSuffix(p.variant.Code, "\n"), "\n") + 1
	cur := p.inst.codeLine
	switch k {
	case "ArrowUp", "ArrowDown":
		if cur == 0 {
			_, cur = p.focus(p.frames.at(p.run.Trace, p.pl.pos))
			if cur == 0 {
				cur = 1
			}
		} else if k == "ArrowUp" {
			cur--
		} else {
			cur++
		}
		p.inst.codeLine = min(max(cur, 1), n)
		return 0, true
	case "Enter":
		if cur > 0 {
			return p.run.NextOnLine(p.pl.pos, cur), true
		}
		return 0, true
	}
	return 0, false
}
