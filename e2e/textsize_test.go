//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// textSizes measures the timeline's texts as rendered: for each visible
// <text>, its computed font size times the SVG's scale (rendered width ÷
// viewBox width), the smallest of them, and the SVG's box beside its
// scroll box.
const textSizes = `(() => {
	const s = document.querySelector(".timeline-scroll svg.lanes-tl");
	if (!s) return JSON.stringify({n: 0});
	const r = s.getBoundingClientRect();
	const box = s.closest(".timeline-scroll").getBoundingClientRect();
	const k = r.width / s.viewBox.baseVal.width;
	const small = [];
	let n = 0, min = 1e9;
	for (const t of s.querySelectorAll("text")) {
		const b = t.getBoundingClientRect();
		if (b.width === 0 || t.textContent.trim() === "") continue; // hidden (not yet happened)
		n++;
		const px = parseFloat(getComputedStyle(t).fontSize) * k;
		min = Math.min(min, px);
		if (px < 10.99) small.push(t.textContent.slice(0, 30) + " " + px.toFixed(2) + "px");
	}
	return JSON.stringify({n, min, k, small: small.slice(0, 6), width: r.width, height: r.height,
		boxWidth: box.width, boxTop: box.top, vw: innerWidth, vh: innerHeight});
})()`

type sizes struct {
	N                int
	Min, K           float64
	Small            []string
	Width, Height    float64
	BoxWidth, BoxTop float64
	VW, VH           float64
}

func textSizesAt(t *testing.T, b *browser, step string) sizes {
	t.Helper()
	var s sizes
	if err := json.Unmarshal([]byte(eval[string](t, b, step, textSizes)), &s); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return s
}

// atEnd moves the player to the end (everything drawn) and waits.
func atEnd(t *testing.T, b *browser, where string) {
	t.Helper()
	b.do(t, where+": to the end", chromedp.KeyEvent(kb.End))
	b.waitFor(t, where+": at the end", `(() => { const p = document.querySelector(".pos").textContent.split("/"); return p[0] === p[1]; })()`)
}

// TestTimelineTextSize: every visible text of the timeline renders at 11
// px or more (its font size times the SVG's scale), on lessons at
// 1280×900 and 390×844 and in a 700×560 embed; the SVG is laid out at
// its box's width (no sideways scroll at the whole run). Screenshots of
// each, light and dark, go to e2e/screenshots/.
func TestTimelineTextSize(t *testing.T) {
	b := newBrowser(t)
	pages := []struct {
		path string
		w, h int64
		name string
	}{
		{"/lesson/counter", 1280, 900, "counter"},
		{"/lesson/over-concurrency", 1280, 900, "over-concurrency"},
		{"/lesson/channels", 1280, 900, "channels"},
		{"/lesson/race-to-exit", 1280, 900, "race-to-exit"},
		{"/lesson/counter", 390, 844, "counter"},
		{"/lesson/over-concurrency", 390, 844, "over-concurrency"},
		{"/lesson/leaks", 390, 844, "leaks"},
		{"/embed/counter", 700, 560, "embed-counter"},
		{"/embed/over-concurrency", 700, 560, "embed-over-concurrency"},
		{"/embed/golden-rule", 700, 560, "embed-golden-rule"},
	}
	for _, pg := range pages {
		for _, theme := range []string{"light", "dark"} {
			sep := "?"
			if strings.Contains(pg.path, "?") {
				sep = "&"
			}
			where := pg.path + " at " + strconv.FormatInt(pg.w, 10) + "×" + strconv.FormatInt(pg.h, 10) + " " + theme
			b.openSized(t, pg.path+sep+"theme="+theme, pg.w, pg.h)
			atEnd(t, b, where)
			b.waitFor(t, where+": laid out at its width", `(() => { const s = document.querySelector(".timeline-scroll svg.lanes-tl");
				return s && Math.abs(s.getBoundingClientRect().width - s.closest(".timeline-scroll").clientWidth) < 1.5; })()`)
			if theme == "light" {
				s := textSizesAt(t, b, where)
				if s.N == 0 {
					t.Errorf("%s: no visible text in the timeline", where)
				}
				if len(s.Small) > 0 {
					t.Errorf("%s: texts under 11 px (scale %.3f): %v", where, s.K, s.Small)
				}
				if s.Width > s.BoxWidth+1 {
					t.Errorf("%s: the timeline is %.0f px wide in a %.0f px box: it scrolls sideways at the whole run", where, s.Width, s.BoxWidth)
				}
			}
			name := "size-" + pg.name + "-" + strconv.FormatInt(pg.w, 10) + "-" + theme
			b.elementShot(t, ".timeline", name+"-timeline.png")
			b.do(t, "top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
			b.viewportShot(t, name+"-view.png")
			b.screenshot(t, name+".png")
		}
	}
	b.noConsoleErrors(t)
}

// TestPhoneLabelsStayInView: at 390×844 the prerendered timeline (drawn
// for a desktop column, the app not started: its wasm is held back)
// scrolls sideways under a hint, and after scrolling it the lane labels
// are still in the viewport; once the app runs, the timeline is laid out
// at the screen's width: nothing to scroll, every label in view.
func TestPhoneLabelsStayInView(t *testing.T) {
	b := newBrowser(t)
	release := b.openHeld(t, "/lesson/counter?theme=light", 390, 844, "*app.wasm*")
	b.waitFor(t, "prerendered timeline", `document.querySelector(".timeline-scroll svg[data-labels]") !== null`)
	labels := `(() => {
		const box = document.querySelector(".timeline-scroll");
		const main = box.querySelector("svg.lanes-tl:not([data-labels])");
		const over = box.querySelector("svg[data-labels]");
		const out = l => { const r = l.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; };
		const visible = [...(over || main).querySelectorAll("text.lbl")].filter(l => l.getBoundingClientRect().width > 0);
		const hint = document.querySelector(".timeline") ? getComputedStyle(document.querySelector(".timeline"), "::before").content : "";
		// The legend: every item in the viewport, scrolled or not (it
		// sits under the box and wraps, not in the wider picture).
		const legend = [...document.querySelectorAll(".timeline .tl-legend li")];
		return JSON.stringify({scroll: box.scrollLeft, overflow: box.scrollWidth - box.clientWidth,
			labels: visible.length, outside: visible.filter(out).map(l => l.textContent), hint,
			legend: legend.length, legendOutside: legend.filter(out).map(l => l.textContent),
			mainWidth: main.getBoundingClientRect().width, box: box.clientWidth});
	})()`
	var st struct {
		Scroll, Overflow float64
		Labels           int
		Outside          []string
		Legend           int
		LegendOutside    []string
		Hint             string
		MainWidth, Box   float64
	}
	get := func(step string) {
		if err := json.Unmarshal([]byte(eval[string](t, b, step, labels)), &st); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	get("prerendered")
	if st.Overflow < 100 {
		t.Fatalf("the prerendered timeline overflows its box by %.0f px: nothing to check (want the desktop picture in a phone's box)", st.Overflow)
	}
	legendInView := func(when string) {
		t.Helper()
		if st.Legend < 4 || len(st.LegendOutside) > 0 {
			t.Errorf("%s: %d legend items, out of the viewport: %v", when, st.Legend, st.LegendOutside)
		}
	}
	legendInView("prerendered")
	if !strings.Contains(st.Hint, "scrolls sideways") {
		t.Errorf("no hint that the prerendered chart scrolls sideways (::before %q)", st.Hint)
	}
	b.do(t, "scroll the chart sideways", chromedp.Evaluate[chromedp.Void](`document.querySelector(".timeline-scroll").scrollLeft = 10000`))
	get("scrolled")
	if st.Scroll < 100 {
		t.Errorf("the chart scrolled by %.0f px only", st.Scroll)
	}
	if st.Labels < 4 || len(st.Outside) > 0 {
		t.Errorf("after scrolling sideways %d labels shown, out of the viewport: %v", st.Labels, st.Outside)
	}
	legendInView("prerendered, scrolled sideways")
	b.do(t, "timeline in view", chromedp.Evaluate[chromedp.Void](`document.querySelector(".timeline").scrollIntoView()`))
	b.viewportShot(t, "size-prerender-scrolled-390-light.png")
	release()
	b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
	atEnd(t, b, "counter at 390")
	b.waitFor(t, "laid out at the phone's width", `(() => { const s = document.querySelector(".timeline-scroll svg.lanes-tl");
		return s && Math.abs(s.getBoundingClientRect().width - s.closest(".timeline-scroll").clientWidth) < 1.5; })()`)
	get("the app")
	if st.Overflow > 0.5 || st.MainWidth > st.Box+1 {
		t.Errorf("in the app the timeline is %.0f px wide in a %.0f px box (overflow %.0f): it should fit", st.MainWidth, st.Box, st.Overflow)
	}
	if st.Labels < 4 || len(st.Outside) > 0 {
		t.Errorf("in the app %d labels shown, out of the viewport: %v", st.Labels, st.Outside)
	}
	legendInView("in the app")
	if st.Hint != "none" && st.Hint != "" && st.Hint != "normal" {
		t.Errorf("in the app the chart fits, yet the hint says %s", st.Hint)
	}
	b.noConsoleErrors(t)
}

// TestPinchZooms: two fingers spreading on the timeline zoom its time
// axis (the SVG's data-window narrows); pinching back in zooms out.
func TestPinchZooms(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 390, 844)
	b.do(t, "timeline in view", chromedp.ScrollIntoView(chromedp.CSS(".timeline-scroll svg")))
	g := plotAt(t, b, "plot")
	cx, y := (g.Left+g.Right)/2, g.Y
	touch := func(typ input.DispatchTouchEventType, dx ...float64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			var pts []*input.TouchPoint
			for i, d := range dx {
				id := float64(i + 1)
				pts = append(pts, &input.TouchPoint{X: cx + d, Y: y, ID: &id})
			}
			_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		})
	}
	win := `document.querySelector(".timeline-scroll svg").getAttribute("data-window") || "0 1"`
	b.do(t, "pinch out",
		touch(input.DispatchTouchEventTypeTouchStart, -20, 20),
		touch(input.DispatchTouchEventTypeTouchMove, -35, 35),
		touch(input.DispatchTouchEventTypeTouchMove, -50, 50),
		touch(input.DispatchTouchEventTypeTouchMove, -70, 70),
		touch(input.DispatchTouchEventTypeTouchEnd))
	b.waitFor(t, "zoomed in by the pinch", `document.querySelector(".timeline-scroll svg").hasAttribute("data-window")`)
	w1 := window(eval[string](t, b, "window", win))
	if w1 > 0.5 {
		t.Errorf("spreading two fingers from 40 to 140 px shows %.2f of the run, want about 0.3", w1)
	}
	if pos := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); !strings.HasPrefix(pos, "0/") {
		t.Errorf("the pinch also seeked (position %s): a pinch is no tap", pos)
	}
	b.do(t, "pinch in",
		touch(input.DispatchTouchEventTypeTouchStart, -70, 70),
		touch(input.DispatchTouchEventTypeTouchMove, -40, 40),
		touch(input.DispatchTouchEventTypeTouchMove, -20, 20),
		touch(input.DispatchTouchEventTypeTouchEnd))
	b.waitFor(t, "zoomed out by the pinch", `(() => { const w = (`+win+`).split(" "); return w[1] - w[0] > `+ftoa(w1+0.05)+`; })()`)
	b.noConsoleErrors(t)
}

// elementShot writes a screenshot of the first element matching sel.
func (b *browser) elementShot(t *testing.T, sel, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	writeShot(t, name, png)
}

// viewportShot writes a screenshot of what the viewport shows.
func (b *browser) viewportShot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	writeShot(t, name, png)
}

func writeShot(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := filepath.Join(root, "e2e", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
