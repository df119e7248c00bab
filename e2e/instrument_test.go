//go:build e2e

package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// plotGeom is where the timeline's plot is on screen: the client x of
// the plot's left and right edges (the axis line), the middle of the
// first lane, and the position shown.
const plotGeom = `(() => {
	const svg = document.querySelector(".timeline-scroll svg");
	const r = svg.getBoundingClientRect();
	const k = r.width / +svg.getAttribute("width");
	const ax = svg.querySelector("line.ax");
	const lane = svg.querySelector("g.ln rect, g.ln path");
	const lr = lane ? lane.getBoundingClientRect() : r;
	return JSON.stringify({
		left: r.left + k * +ax.getAttribute("x1"), right: r.left + k * +ax.getAttribute("x2"),
		y: lr.top + lr.height / 2, k: k, svgLeft: r.left,
		pos: document.querySelector(".pos").textContent,
		head: +svg.querySelector(".lanes-playhead").getAttribute("x1"),
	});
})()`

type geom struct {
	Left, Right, Y, K, SVGLeft float64
	Pos                        string
	Head                       float64
}

func plotAt(t *testing.T, b *browser, step string) geom {
	t.Helper()
	var g geom
	if err := json.Unmarshal([]byte(eval[string](t, b, step, plotGeom)), &g); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return g
}

// TestClickToSeek: a click on the plot moves the playhead under the
// pointer and the step with it; a drag to the right moves them further.
func TestClickToSeek(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter?t=0", 1280, 900)
	b.do(t, "timeline in view", chromedp.ScrollIntoView(chromedp.CSS(".timeline-scroll svg")))
	g := plotAt(t, b, "plot")
	if !strings.HasPrefix(g.Pos, "0/") {
		t.Fatalf("the page opened at %q, want step 0", g.Pos)
	}
	x := g.Left + 0.6*(g.Right-g.Left)
	b.do(t, "click on the plot", chromedp.MouseClickXY(x, g.Y))
	b.waitFor(t, "the step moved", `!document.querySelector(".pos").textContent.startsWith("0/")`)
	after := plotAt(t, b, "after the click")
	headClient := after.SVGLeft + after.K*after.Head
	if headClient > x+1 || headClient < g.Left+0.3*(g.Right-g.Left) {
		t.Errorf("clicked at x=%.0f, the playhead is at %.0f (plot %.0f..%.0f)", x, headClient, g.Left, g.Right)
	}
	first := after.Pos
	// Drag from 30% to 90% of the plot.
	x0, x1 := g.Left+0.3*(g.Right-g.Left), g.Left+0.9*(g.Right-g.Left)
	b.do(t, "drag",
		chromedp.MouseEvent(chromedp.MousePressed, x0, g.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, (x0+x1)/2, g.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, x1, g.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, x1, g.Y, chromedp.ButtonLeft),
	)
	// The press at 30% seeks too (to a step before the click's) and the move
	// to 60% comes back near the click's: "another step than the click's"
	// can be the press's, before go-app applied the moves. Wait for a step
	// past the click's, which only the drag's end at 90% gives.
	b.waitFor(t, "the step followed the drag", `+document.querySelector(".pos").textContent.split("/")[0] > `+itoa(stepOf(first)))
	if got, want := stepOf(plotAt(t, b, "after the drag").Pos), stepOf(first); got <= want {
		t.Errorf("after dragging to 90%% the step is %d, not past %d (the click at 60%%)", got, want)
	}
	b.noConsoleErrors(t)
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func stepOf(pos string) int {
	n, _ := strconv.Atoi(strings.SplitN(pos, "/", 2)[0])
	return n
}

// TestZoomAndReset: W zooms in (the SVG says which part of the run it
// shows, the ticks change), the wheel zooms further, and "whole run"
// shows all of it again.
func TestZoomAndReset(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	b.do(t, "timeline in view", chromedp.ScrollIntoView(chromedp.CSS(".timeline-scroll svg")))
	ticks := `[...document.querySelectorAll(".timeline-scroll svg text.dim[text-anchor=middle]")].map(e => e.textContent).join(" ")`
	before := eval[string](t, b, "ticks", ticks)
	if eval[bool](t, b, "reset disabled", `document.querySelector(".zoom-reset").disabled`) != true {
		t.Errorf("whole run is enabled before any zoom")
	}
	b.do(t, "press W", chromedp.KeyEvent("w"))
	b.waitFor(t, "zoomed in", `document.querySelector(".timeline-scroll svg").hasAttribute("data-window") && !document.querySelector(".zoom-reset").disabled`)
	w1 := eval[string](t, b, "window", `document.querySelector(".timeline-scroll svg").getAttribute("data-window")`)
	if after := eval[string](t, b, "ticks", ticks); after == before {
		t.Errorf("zoomed in, the axis still reads %q", after)
	}
	g := plotAt(t, b, "plot")
	// A wheel turn over the plot (as a DOM event: the protocol's wheel
	// needs a non-zero deltaX, which would pan).
	eval[bool](t, b, "wheel over the plot", `(() => { const x = `+ftoa((g.Left+g.Right)/2)+`, y = `+ftoa(g.Y)+`;
		return document.elementFromPoint(x, y).dispatchEvent(new WheelEvent("wheel", {deltaY: -300, clientX: x, clientY: y, bubbles: true, cancelable: true})); })()`)
	b.waitFor(t, "zoomed further", `document.querySelector(".timeline-scroll svg").getAttribute("data-window") !== `+jsString(w1))
	if w := window(eval[string](t, b, "window", `document.querySelector(".timeline-scroll svg").getAttribute("data-window")`)); w >= window(w1) {
		t.Errorf("the wheel did not zoom in: window %.4f wide, was %.4f", w, window(w1))
	}
	b.do(t, "pan with D", chromedp.KeyEvent("d"))
	b.do(t, "whole run", chromedp.Click(chromedp.CSS(".zoom-reset")))
	b.waitFor(t, "the whole run again", `!document.querySelector(".timeline-scroll svg").hasAttribute("data-window") && document.querySelector(".zoom-reset").disabled`)
	if after := eval[string](t, b, "ticks", ticks); after != before {
		t.Errorf("after reset the axis reads %q, want %q", after, before)
	}
	b.noConsoleErrors(t)
}

// window is the width of a data-window attribute ("from to").
func window(s string) float64 {
	f := strings.Fields(s)
	if len(f) != 2 {
		return 1
	}
	a, _ := strconv.ParseFloat(f[0], 64)
	z, _ := strconv.ParseFloat(f[1], 64)
	return z - a
}

// TestCodeLineSeeks: a click on a code line moves the player to the next
// event on that line.
func TestCodeLineSeeks(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter?t=0", 1280, 900)
	line := eval[string](t, b, "the Wait line", `[...document.querySelectorAll(".code .line[data-line]")].find(e => e.textContent.includes("wg.Wait()")).getAttribute("data-line")`)
	b.do(t, "click the line", chromedp.Click(`.code .line[data-line="`+line+`"]`))
	b.waitFor(t, "the caption is on that line", `document.querySelector(".timeline .caption").textContent.startsWith("line `+line+` ")`)
	if pos := eval[string](t, b, "pos", `document.querySelector(".pos").textContent`); strings.HasPrefix(pos, "0/") {
		t.Errorf("still at %s", pos)
	}
	b.noConsoleErrors(t)
}

// TestHoverCard: the pointer over a Done marker shows a card with who
// did what, the line and the time.
func TestHoverCard(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	b.do(t, "to the end", chromedp.KeyEvent(kb.End))
	b.do(t, "timeline in view", chromedp.ScrollIntoView(chromedp.CSS(".timeline-scroll svg")))
	b.waitFor(t, "Done drawn", `[...document.querySelectorAll(".timeline-scroll svg .m-done")].some(e => getComputedStyle(e).display !== "none")`)
	xy := eval[[]float64](t, b, "a Done marker", `(() => { const r = document.querySelector(".timeline-scroll svg .m-done").getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2]; })()`)
	b.do(t, "hover", chromedp.MouseEvent(chromedp.MouseMoved, xy[0], xy[1]))
	b.waitFor(t, "the card", `(() => { const c = document.querySelector(".tl-card"); return c && getComputedStyle(c).display === "block"; })()`)
	text := eval[string](t, b, "card", `document.querySelector(".tl-card").textContent`)
	for _, want := range []string{"Done", "line ", "step "} {
		if !strings.Contains(text, want) {
			t.Errorf("the card reads %q, without %q", text, want)
		}
	}
	b.do(t, "away", chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))
	b.waitFor(t, "the card hides", `getComputedStyle(document.querySelector(".tl-card")).display === "none"`)
	b.noConsoleErrors(t)
}

// TestThousandFits: at 1280×900 the 1,000-goroutine lesson's timeline,
// scrolled into view, fits in the viewport: its tracks and the group
// lane of the folded goroutines included.
func TestThousandFits(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/over-concurrency", 1280, 900)
	b.do(t, "to the end: everything drawn", chromedp.KeyEvent(kb.End))
	b.waitFor(t, "at the end", `(() => { const p = document.querySelector(".pos").textContent.split("/"); return p[0] === p[1]; })()`)
	b.do(t, "timeline in view", chromedp.ScrollIntoView(chromedp.CSS(".timeline-scroll")))
	got := eval[string](t, b, "geometry", `(() => {
		const svg = document.querySelector(".timeline-scroll svg");
		const vh = innerHeight;
		const r = svg.getBoundingClientRect();
		const group = [...svg.querySelectorAll("text.lbl")].find(e => e.textContent.startsWith("×"));
		const tracks = [...svg.querySelectorAll(".tkb")];
		const inView = e => { const b = e.getBoundingClientRect(); return b.height > 0 && b.top >= 0 && b.bottom <= vh; };
		return JSON.stringify({height: r.height, vh, group: group ? group.textContent : "",
			groupIn: !!group && inView(group), tracks: tracks.length, tracksIn: tracks.every(inView), svgIn: inView(svg)});
	})()`)
	var g struct {
		Height, VH               float64
		Group                    string
		GroupIn, TracksIn, SVGIn bool
		Tracks                   int
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatal(err)
	}
	if g.Group == "" || !g.GroupIn {
		t.Errorf("no group lane in view (label %q, in view %v)", g.Group, g.GroupIn)
	}
	if g.Tracks < 2 || !g.TracksIn {
		t.Errorf("%d tracks, in view %v; want the counter and in-flight tracks in view", g.Tracks, g.TracksIn)
	}
	if !g.SVGIn {
		t.Errorf("the timeline is %.0f px high: not within the %.0f px viewport", g.Height, g.VH)
	}
	// The group lane expands (its first 40 goroutines one by one) and folds
	// again.
	b.do(t, "show them one by one", chromedp.Click(chromedp.CSS(".timeline-scroll svg text.fold")))
	b.waitFor(t, "expanded", `[...document.querySelectorAll(".timeline-scroll svg text.fold")].some(e => e.textContent.includes("fold them again")) && document.querySelectorAll(".timeline-scroll svg text.lbl").length > 40`)
	b.do(t, "fold them again", chromedp.Click(chromedp.CSS(".timeline-scroll svg text.fold")))
	b.waitFor(t, "folded", `[...document.querySelectorAll(".timeline-scroll svg text.fold")].some(e => e.textContent.includes("one by one"))`)
	b.noConsoleErrors(t)
}
