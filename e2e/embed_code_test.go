//go:build e2e

package e2e

import (
	"cmp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// codeLineInView says whether the code pane's running line is drawn in
// full inside the pane's visible box, inside the frame and above the
// console: the reader sees it without scrolling anything.
const codeLineInView = `(() => {
  const cur = document.querySelector(".code .line.cur"), pre = document.querySelector(".code pre"),
        con = document.querySelector(".console");
  if (!cur || !pre) return "no running line";
  const c = cur.getBoundingClientRect(), p = pre.getBoundingClientRect();
  const bottom = Math.min(p.bottom, innerHeight, con ? con.getBoundingClientRect().top : innerHeight);
  return c.top >= p.top - 1 && c.bottom <= bottom + 1 ? "in view" : "line " + c.top + "-" + c.bottom + ", visible to " + bottom;
})()`

// TestEmbedWideCodeBeside: in a wide, short frame (960×560) the code sits
// beside the timeline, as tall as it, and follows the running line; under
// the timeline it showed a line or two, the running one hidden under the
// console.
func TestEmbedWideCodeBeside(t *testing.T) {
	for _, tc := range []struct {
		desc, path, shot string
	}{
		{desc: "errgroup's long program", path: "/embed/errgroup", shot: "embed-wide-light.png"},
		{desc: "race to the exit", path: "/embed/race-to-exit?theme=dark", shot: "embed-wide-dark.png"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			b := newBrowser(t)
			b.do(t, "open", chromedp.EmulateViewport(960, 560), chromedp.Navigate(baseURL+tc.path))
			b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
			if got := eval[string](t, b, "columns", `(() => { const c = document.querySelector(".stage > .code").getBoundingClientRect(), tl = document.querySelector(".stage > .timeline").getBoundingClientRect(); return c.right <= tl.left + 1 && Math.abs(c.top - tl.top) < 2 ? "beside" : "code " + JSON.stringify(c) + " timeline " + JSON.stringify(tl) })()`); got != "beside" {
				t.Errorf("the code is not beside the timeline: %s", got)
			}
			n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
			for _, at := range []int{n / 2, n} {
				b.seek(t, at)
				b.pollFor(codeLineInView+` === "in view"`, 5*time.Second)
				if got := eval[string](t, b, "running line", codeLineInView); got != "in view" && got != "no running line" {
					t.Errorf("at step %d of %d the running line is not in view: %s", at, n, got)
				}
			}
			b.screenshot(t, tc.shot)
			b.noConsoleErrors(t)
		})
	}
}

// TestEmbedNarrowCodeInView: in the snippets' frame at a blog column's
// width (700×560, no height script) the code sits under the timeline
// and the page gives up the code's and the console's extra lines before
// their running line and newest output: the running line is in view
// beside the timeline, and the console shows its last line. (Before, the
// timeline took the frame and the code was scrolled out of it.)
func TestEmbedNarrowCodeInView(t *testing.T) {
	for _, tc := range []struct {
		desc, path, shot string
		w                int64 // 0: 700
		shrunk           bool  // the lanes shrink for the code (a taller timeline)
	}{
		{desc: "counter", path: "/embed/counter", shot: "embed-narrow-700-light.png"},
		{desc: "golden rule, go vet's note over the code", path: "/embed/golden-rule?theme=dark", shot: "embed-narrow-700-dark.png"},
		{desc: "race to the exit", path: "/embed/race-to-exit"},
		{desc: "over-concurrency, two tracks and a fold", path: "/embed/over-concurrency", shot: "embed-narrow-700-tall.png", shrunk: true},
		{desc: "errgroup", path: "/embed/errgroup?theme=dark", shrunk: true},
		{desc: "counter on a phone", path: "/embed/counter?theme=dark", w: 360, shot: "embed-narrow-360-dark.png", shrunk: true},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			b := newBrowser(t)
			w := cmp.Or(tc.w, 700)
			b.do(t, "open", chromedp.EmulateViewport(w, 560), chromedp.Navigate(baseURL+tc.path))
			b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
			if tc.shrunk {
				b.waitFor(t, "the lanes shrunk to the frame", `document.querySelector(".timeline-scroll svg[data-shrunk]") !== null`)
			}
			if got := eval[string](t, b, "stacked", `(() => { const c = document.querySelector(".code pre").getBoundingClientRect(), tl = document.querySelector(".stage > .timeline").getBoundingClientRect(); return c.top >= tl.bottom - 1 ? "under" : "code " + JSON.stringify(c) + " timeline " + JSON.stringify(tl) })()`); got != "under" {
				t.Errorf("the code is not under the timeline: %s", got)
			}
			n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
			for _, at := range []int{n / 2, 3 * n / 4, n - 1} {
				b.seek(t, at)
				b.pollFor(codeLineInView+` === "in view"`, 5*time.Second)
				if got := eval[string](t, b, "running line", codeLineInView); got != "in view" && got != "no running line" {
					t.Errorf("at step %d of %d the running line is not in view: %s", at, n, got)
				}
				if got := eval[string](t, b, "newest output", `(() => { const p = document.querySelector(".console pre"), r = p.getBoundingClientRect();
					if (r.bottom > innerHeight + 1) return "the console ends at " + r.bottom + ", under the frame";
					return p.scrollTop + p.clientHeight >= p.scrollHeight - 1 ? "shown" : "scrolled to " + p.scrollTop + " of " + p.scrollHeight; })()`); got != "shown" {
					t.Errorf("at step %d of %d the console's last line is not shown: %s", at, n, got)
				}
			}
			if tc.shot != "" {
				b.seek(t, n/2)
				b.pollFor(codeLineInView+` === "in view"`, 5*time.Second)
				b.screenshot(t, tc.shot)
			}
			b.noConsoleErrors(t)
		})
	}
}

// TestEmbedEndOfADeadlock: at the end of a run that deadlocked, a short
// embed shows where main is stuck (line 23 of misuse, its wg.Wait) and the
// first line of Go's fatal error, not the file's first lines and the end
// of the traceback.
func TestEmbedEndOfADeadlock(t *testing.T) {
	b := newBrowser(t)
	b.do(t, "open", chromedp.EmulateViewport(700, 560), chromedp.Navigate(baseURL+"/embed/misuse"))
	b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
	b.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	const inView = `((sel) => { const e = document.querySelector(sel); if (!e) return "none"; const box = e.closest("pre").getBoundingClientRect(), r = e.getClientRects()[0]; // the first line box
		return r.top >= box.top - 1 && r.top + 14 <= box.bottom + 1 && r.bottom <= innerHeight + 1 ? "in view" : "at " + r.top + " in " + JSON.stringify(box); })`
	b.pollFor(inView+`(".code .line[data-line='23']") === "in view"`, 5*time.Second)
	if got := eval[string](t, b, "line 23", inView+`(".code .line[data-line='23']")`); got != "in view" {
		t.Errorf("at the end main's stuck line is not in view: %s", got)
	}
	if got := eval[string](t, b, "fatal error", inView+`(".console .stderr")`); got != "in view" {
		t.Errorf("at the end the fatal error's first line is not in view: %s", got)
	}
	b.screenshot(t, "embed-deadlock-end-700.png")
	b.noConsoleErrors(t)
}
