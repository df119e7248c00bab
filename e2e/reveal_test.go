//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// openSized loads a page in a viewport of w×h and waits for the app.
func (b *browser) openSized(t *testing.T, path string, w, h int64) {
	t.Helper()
	b.do(t, "open "+path, chromedp.EmulateViewport(w, h), chromedp.Navigate(baseURL+path))
	b.waitFor(t, "wasm mounted on "+path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
}

// revealState lists the events of the timeline's event group's children
// that are drawn and hidden, and counts the visible Done markers, exit
// lines, the clip's width and the playhead's x.
const revealState = `(() => {
	const svg = document.querySelector(".timeline svg");
	const g = svg.querySelector("#lanes-ev");
	const r = {shown: [], hidden: [], done: 0, exit: 0, doneAll: 0, exitAll: 0};
	const vis = el => getComputedStyle(el.closest("#lanes-ev > *")).display !== "none";
	for (const k of g.children) {
		const s = k.getAttribute("data-seq") ?? k.querySelector("[data-seq]").getAttribute("data-seq");
		(vis(k) ? r.shown : r.hidden).push(+s);
	}
	for (const e of svg.querySelectorAll(".m-done[data-seq]")) { r.doneAll++; if (vis(e)) r.done++; }
	for (const e of svg.querySelectorAll("line.exit")) { r.exitAll++; if (vis(e)) r.exit++; }
	r.clip = +svg.querySelector("#lanes-clip").getAttribute("width");
	r.head = +svg.querySelector(".lanes-playhead").getAttribute("x1");
	r.width = +svg.getAttribute("width");
	return JSON.stringify(r);
})()`

type reveal struct {
	Shown, Hidden     []int
	Done, Exit        int
	DoneAll, ExitAll  int
	Clip, Head, Width float64
}

func revealAt(t *testing.T, b *browser, step string) reveal {
	t.Helper()
	var r reveal
	if err := json.Unmarshal([]byte(eval[string](t, b, step, revealState)), &r); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return r
}

// TestRunUnfolds: a lesson opens at step 0 with nothing drawn; at the end
// everything is; in the middle exactly the events before the playhead.
func TestRunUnfolds(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
	if got := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); got != "0/"+itoa(n) {
		t.Errorf("a lesson opened without t= is at %q, want step 0", got)
	}
	r := revealAt(t, b, "at step 0")
	if r.Done != 0 || r.Exit != 0 || len(r.Shown) != 0 {
		t.Errorf("at step 0: %d Done markers, %d exit lines and %d events drawn, want none", r.Done, r.Exit, len(r.Shown))
	}
	if r.DoneAll < 3 || r.ExitAll != 1 {
		t.Fatalf("the counter lesson's SVG holds %d Done markers and %d exit lines, want 3 and 1", r.DoneAll, r.ExitAll)
	}
	if r.Clip > r.Head+0.1 {
		t.Errorf("at step 0 the bars are clipped at x=%v, right of the playhead at %v", r.Clip, r.Head)
	}

	b.do(t, "end", chromedp.KeyEvent(kb.End))
	b.waitFor(t, "at the end", `document.querySelector(".pos").textContent === "`+itoa(n)+`/`+itoa(n)+`"`)
	r = revealAt(t, b, "at the end")
	if r.Done != r.DoneAll || r.Exit != 1 || len(r.Hidden) != 0 || r.Clip < r.Width {
		t.Errorf("at the end: %d/%d Done markers, %d exit lines, %d events hidden, clip %v of %v; want everything", r.Done, r.DoneAll, r.Exit, len(r.Hidden), r.Clip, r.Width)
	}

	for _, k := range []int{1, n / 3, n / 2, n - 1} {
		b.do(t, "seek", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub"); s.value = "`+itoa(k)+`"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
		b.waitFor(t, "at "+itoa(k), `document.querySelector(".pos").textContent === "`+itoa(k)+`/`+itoa(n)+`"`)
		r = revealAt(t, b, "mid-run")
		for _, s := range r.Shown {
			if s >= k {
				t.Errorf("at step %d the event %d (not yet happened) is drawn", k, s)
			}
		}
		for _, s := range r.Hidden {
			if s < k {
				t.Errorf("at step %d the event %d (happened) is hidden", k, s)
			}
		}
		if len(r.Shown) == 0 || len(r.Hidden) == 0 {
			t.Errorf("at step %d of %d: %d drawn, %d hidden; want some of each", k, n, len(r.Shown), len(r.Hidden))
		}
		if r.Exit != 0 {
			t.Errorf("at step %d of %d the exit line is drawn", k, n)
		}
		if d := r.Clip - r.Head; d < -0.1 || d > 0.1 {
			t.Errorf("at step %d the bars are clipped at x=%v, the playhead is at %v", k, r.Clip, r.Head)
		}
	}
	b.noConsoleErrors(t)
}

// TestRevealAfterRedrawsWhilePlaying: a redraw while the player runs (a
// zoom, a new width, the page fitting its box once autoplay started) puts
// a new SVG in the page, with its own reveal rule; seeks after it must
// still draw exactly the events before the playhead, lane labels
// included. They had vanished after a seek during autoplay: a frame
// between a redraw and its mount had marked the new SVG as revealed.
func TestRevealAfterRedrawsWhilePlaying(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/channels?autoplay=1", 1280, 900)
	n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
	redraws := []struct {
		desc string
		act  chromedp.Action[chromedp.Void]
	}{
		{desc: "none (autoplay's own fit)", act: chromedp.Func(func(context.Context, *chromedp.Target) error { return nil })},
		{desc: "zoom in", act: chromedp.KeyEvent("w")},
		{desc: "a narrower window", act: chromedp.EmulateViewport(1000, 900)},
		{desc: "zoom out", act: chromedp.KeyEvent("s")},
		{desc: "a wider window", act: chromedp.EmulateViewport(1280, 900)},
	}
	for i, rd := range redraws {
		if i > 0 {
			b.do(t, "play", chromedp.KeyEvent(" "))
		}
		b.do(t, rd.desc, rd.act)
		k := n/2 + i*3
		b.do(t, "seek", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub"); s.value = "`+itoa(k)+`"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
		b.waitFor(t, "at "+itoa(k), `document.querySelector(".pos").textContent === "`+itoa(k)+`/`+itoa(n)+`"`)
		b.do(t, "two frames", chromedp.Evaluate[chromedp.Void](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))`, chromedp.EvalAwaitPromise))
		r := revealAt(t, b, "after "+rd.desc)
		for _, s := range r.Shown {
			if s >= k {
				t.Errorf("after %s, at step %d the event %d (not yet happened) is drawn", rd.desc, k, s)
			}
		}
		for _, s := range r.Hidden {
			if s < k {
				t.Errorf("after %s, at step %d the event %d (happened) is hidden", rd.desc, k, s)
			}
		}
		if lbl := eval[int](t, b, "labels", `[...document.querySelectorAll(".timeline svg #lanes-ev > text.lbl")].filter(e => getComputedStyle(e).display !== "none").length`); lbl < 2 {
			t.Errorf("after %s, at step %d: %d lane labels drawn, want 2 (main and the consumer)", rd.desc, k, lbl)
		}
	}
	b.noConsoleErrors(t)
}

// inView is whether the controls' box is inside the viewport.
const inView = `(() => { const r = document.querySelector(".controls").getBoundingClientRect();
	return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0; })()`

// TestControlsInView: at 1280×900 and 390×844 the controls are in view
// when the lesson opens and stay in view (sticky) when the page scrolls.
func TestControlsInView(t *testing.T) {
	b := newBrowser(t)
	for _, sz := range [][2]int64{{1280, 900}, {390, 844}} {
		for _, slug := range []string{"counter", "over-concurrency", "misuse"} {
			where := slug + " at " + strconv.FormatInt(sz[0], 10) + "×" + strconv.FormatInt(sz[1], 10)
			b.openSized(t, "/lesson/"+slug, sz[0], sz[1])
			if !eval[bool](t, b, where+": controls", inView) {
				t.Errorf("%s: the controls are not in view: %s", where, eval[string](t, b, "box", `JSON.stringify(document.querySelector(".controls").getBoundingClientRect())`))
			}
			b.do(t, "scroll", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 900)`))
			if !eval[bool](t, b, where+": controls after scrolling", inView) {
				t.Errorf("%s: after scrolling 900 px the controls are out of view", where)
			}
			if sz[0] >= 900 && !eval[bool](t, b, where+": side by side", `(() => {
				const c = document.querySelector(".workbench .code").getBoundingClientRect();
				const tl = document.querySelector(".workbench .timeline").getBoundingClientRect();
				return c.right <= tl.left + 1; })()`) {
				t.Errorf("%s: the code is not beside the timeline", where)
			}
		}
	}
	b.noConsoleErrors(t)
}

// TestEarlyPlayClick: a click on Play before the app runs is remembered
// and honoured when it is ready. The wasm is held back until the click.
// Meanwhile the controls carry a progress bar of the wasm's download
// (web/early.js), which reaches 100 and is gone once the app is ready.
func TestEarlyPlayClick(t *testing.T) {
	b := newBrowser(t)
	release := b.openHeld(t, "/lesson/counter", 1280, 900, "*app.wasm*")
	b.waitFor(t, "prerendered controls", `document.querySelector(".ctl.play") !== null`)
	if got := eval[string](t, b, "ready before the click", `document.documentElement.dataset.lanesReady || ""`); got == "1" {
		t.Fatal("the app is ready while its wasm is held back")
	}
	if op := eval[string](t, b, "starting look", `getComputedStyle(document.querySelector(".ctl.back")).opacity`); op == "1" {
		t.Errorf("before the app runs the controls look ready (opacity %s)", op)
	}
	const bar = `document.querySelector(".controls .lanes-load[role=progressbar]")`
	b.waitFor(t, "a progress bar in the controls", bar+` !== null`)
	if v := eval[string](t, b, "progress before the download", bar+`.getAttribute("aria-valuenow") || ""`); v != "0" {
		t.Errorf("before the wasm comes the bar says %q, want 0", v)
	}
	if lbl := eval[string](t, b, "its name", bar+`.getAttribute("aria-label") || ""`); lbl == "" {
		t.Error("the progress bar has no accessible name")
	}
	// Every value the bar takes, kept after the app replaces the page.
	b.do(t, "record the bar", chromedp.Evaluate[chromedp.Void](`(() => { const el = `+bar+`; window.lanesLoadSeen = [];
		new MutationObserver(() => window.lanesLoadSeen.push(+el.getAttribute("aria-valuenow")))
			.observe(el, {attributes: true, attributeFilter: ["aria-valuenow"]}); })()`))
	b.screenshot(t, "loading-1280-light.png")
	b.do(t, "early click", chromedp.Evaluate[chromedp.Void](`document.querySelector(".ctl.play").click()`))
	if q := eval[string](t, b, "queued", `document.documentElement.dataset.lanesQueued || ""`); q != "play" {
		t.Errorf("the early click was not remembered (lanesQueued %q)", q)
	}
	release()
	b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
	if eval[bool](t, b, "bar after ready", `document.querySelector(".lanes-load") !== null`) {
		t.Error("the progress bar is still there once the app is ready")
	}
	seen := eval[[]float64](t, b, "the bar's values", `window.lanesLoadSeen || []`)
	if len(seen) == 0 || seen[len(seen)-1] != 100 || !slices.IsSorted(seen) {
		t.Errorf("the bar went through %v: want rising values ending at 100", seen)
	}
	b.waitFor(t, "playing after the early click", `(() => { const p = document.querySelector(".pos").textContent;
		return !p.startsWith("0/") || document.querySelector(".ctl.play").textContent.includes("Pause"); })()`)
	b.noConsoleErrors(t)
}

// embedSizes are the frames an embed is checked in: blog columns at the
// README's 560 px height, a wide one, and a phone.
var embedSizes = [][2]int64{{700, 560}, {760, 560}, {1000, 560}, {360, 640}}

// TestScreenshotsEveryLesson writes every lesson mid-run at 1280×900 and
// 390×844 and its embed at 700×560, 760×560, 1000×560 and 360×640, light
// and dark, and checks that the embed shows its timeline.
func TestScreenshotsEveryLesson(t *testing.T) {
	_, gallery := fetch(t, "/")
	var lessons []string
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="/lesson/([a-z0-9-]+)"`).FindAllStringSubmatch(gallery, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			lessons = append(lessons, m[1])
		}
	}
	midRun := chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub"); if (!s) return;
		s.value = String(Math.floor(+s.max * 0.6)); s.dispatchEvent(new Event("input", {bubbles: true})); })()`)
	// go-app shows the seek after its handler: wait for the position (a
	// text-only lesson has no player), or the first pictures and the
	// embed's layout check may be of step 0.
	atMidRun := `(() => { const s = document.querySelector(".scrub"); return !s ||
		document.querySelector(".pos").textContent.startsWith(Math.floor(+s.max * 0.6) + "/"); })()`
	// The theme is switched in the page (the classes ?theme= sets) and the
	// size by the viewport, so each lesson loads once and its embed once.
	setTheme := func(theme string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`(() => {
			const p = document.querySelector(".page");
			p.classList.remove("theme-auto", "theme-light", "theme-dark"); p.classList.add("theme-` + theme + `");
			for (const s of document.querySelectorAll(".timeline svg.lanes-tl")) { // the picture, its labels, the legend's samples
				s.classList.remove("th-auto", "th-light", "th-dark"); s.classList.add("th-` + theme + `"); }
		})()`)
	}
	// After a viewport change the app lays the run out again for the
	// box's new width (debounced, app/fit_wasm.go): a screenshot taken
	// before that shows the previous size's picture squeezed or cut.
	// laidOut waits for it (the SVG's viewBox as wide as its box, no more
	// than a pixel apart) and logs, not fails, when it does not come.
	laidOut := func(b *browser, where string) {
		t.Helper()
		if !b.pollFor(`(() => { const box = document.querySelector(".timeline-scroll");
			const s = box && box.querySelector("svg.lanes-tl");
			if (!s) return true;
			const w = Math.floor(box.getBoundingClientRect().width - 2*box.clientLeft);
			return Math.abs(s.viewBox.baseVal.width - w) <= 1; })()`, 20*time.Second) {
			t.Logf("%s: the timeline was not laid out at its box's width within 20 s; screenshot taken anyway", where)
		}
	}
	for _, slug := range lessons {
		b := newBrowser(t) // a fresh tab per lesson: the big runs do not pile up
		b.openSized(t, "/lesson/"+slug+"?theme=light", 1280, 900)
		b.do(t, "mid-run", midRun)
		b.waitFor(t, slug+": mid-run", atMidRun)
		for _, theme := range []string{"light", "dark"} {
			for _, sz := range [][2]int64{{1280, 900}, {390, 844}} {
				b.do(t, "size and theme", chromedp.EmulateViewport(sz[0], sz[1]), setTheme(theme), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
				laidOut(b, slug+" "+theme+" "+strconv.FormatInt(sz[0], 10))
				b.do(t, "theme again (the relayout drew the app's own)", setTheme(theme))
				b.screenshot(t, "lesson-"+slug+"-"+theme+"-"+strconv.FormatInt(sz[0], 10)+".png")
			}
		}
		if eval[bool](t, b, slug+": text only", `document.querySelector(".timeline") === null`) {
			b.noConsoleErrors(t)
			continue
		}
		b.openSized(t, "/embed/"+slug+"?theme=light", 700, 560)
		b.do(t, "mid-run", midRun)
		b.waitFor(t, slug+" embed: mid-run", atMidRun)
		for _, theme := range []string{"light", "dark"} {
			for _, sz := range embedSizes {
				b.do(t, "size and theme", chromedp.EmulateViewport(sz[0], sz[1]), setTheme(theme), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
				laidOut(b, slug+" embed "+theme+" "+strconv.FormatInt(sz[0], 10))
				b.do(t, "theme again (the relayout drew the app's own)", setTheme(theme))
				// all of the timeline, or at least 200 px of it (160 in the phone's 640 px)
				need := min(200, sz[1]/4)
				vis := eval[float64](t, b, slug+": embed timeline", `(() => { const r = document.querySelector(".timeline svg").getBoundingClientRect();
					return Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) - Math.min(r.height, `+strconv.FormatInt(need, 10)+`); })()`)
				if vis < -1 {
					t.Errorf("%s embed at %d×%d (%s): the timeline is not in view (%.0f px short of all of it or %d px)", slug, sz[0], sz[1], theme, -vis, need)
				}
				b.screenshot(t, "embed-"+slug+"-"+theme+"-"+strconv.FormatInt(sz[0], 10)+".png")
			}
		}
		b.noConsoleErrors(t)
	}
}
