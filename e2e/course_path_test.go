//go:build e2e

package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNamesFromTheProgram: lanes and tracks carry the program's names
// (worker(1), wg), and a buffered channel has its fill track.
func TestNamesFromTheProgram(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	labels := eval[string](t, b, "lane labels", `[...document.querySelectorAll(".timeline svg text.lbl")].map(e => e.lastChild.textContent).join("|")`)
	for _, want := range []string{"worker(1)", "worker(2)", "worker(3)", "wg counter"} {
		if !strings.Contains(labels, want) {
			t.Errorf("counter: labels %q lack %q", labels, want)
		}
	}
	for _, bad := range []string{"func1", "waitgroup"} {
		if strings.Contains(labels, bad) {
			t.Errorf("counter: labels %q still say %q", labels, bad)
		}
	}
	b.openSized(t, "/lesson/channels?variant=buffered", 1280, 900)
	labels = eval[string](t, b, "lane labels", `[...document.querySelectorAll(".timeline svg text.lbl")].map(e => e.lastChild.textContent).join("|")`)
	if !strings.Contains(labels, "ch buffer") {
		t.Errorf("channels/buffered: labels %q lack the \"ch buffer\" track the lesson tells the reader to follow", labels)
	}
	b.noConsoleErrors(t)
}

// TestCodePane: the code is highlighted, no line is cut off at any size,
// and the goroutine at a line is named in a gutter that is in view, as the
// timeline names it and in its lane label's colour.
func TestCodePane(t *testing.T) {
	b := newBrowser(t)
	for _, w := range []int64{1280, 390} {
		b.openSized(t, "/lesson/counter", w, 900)
		b.do(t, "mid-run", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub");
			s.value = String(Math.floor(+s.max * 0.3)); s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
		b.waitFor(t, "a badge", `document.querySelector(".code .who") !== null`)
		if n := eval[int](t, b, "highlighted", `document.querySelectorAll(".code .hl-k").length`); n < 5 {
			t.Errorf("at %d px: %d keywords highlighted, want the program's", w, n)
		}
		if cut := eval[string](t, b, "cut lines", `[...document.querySelectorAll(".code .line .src")].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent).join(" | ")`); cut != "" {
			t.Errorf("at %d px: lines cut off: %s", w, cut)
		}
		if wide := eval[bool](t, b, "pre scrolls", `(() => { const p = document.querySelector(".code pre"); return p.scrollWidth > p.clientWidth + 1; })()`); wide {
			t.Errorf("at %d px: the code pane scrolls sideways; its lines should wrap", w)
		}
		out := eval[string](t, b, "badges outside", `(() => { const p = document.querySelector(".code pre").getBoundingClientRect();
			return [...document.querySelectorAll(".code .who")].filter(e => { const r = e.getBoundingClientRect();
				return r.width < 8 || r.left < p.left - 1 || r.right > p.right + 1; }).map(e => e.textContent).join(","); })()`)
		if out != "" {
			t.Errorf("at %d px: badges not wholly in the code pane: %s", w, out)
		}
		// the badge names a goroutine as its lane does, in its label's colour
		pair := eval[[]string](t, b, "badge and lane", `(() => { const w = document.querySelector(".code .who:not(.more)");
			const cls = [...w.classList].find(c => /^g\d$/.test(c));
			const lbl = document.querySelector(".timeline svg text.lbl." + cls);
			return [w.title, lbl ? lbl.lastChild.textContent : "", getComputedStyle(w).backgroundColor, lbl ? getComputedStyle(lbl).fill : ""]; })()`)
		if len(pair) != 4 || pair[0] == "" || !strings.Contains(pair[0], pair[1]) && !strings.Contains(pair[1], strings.Split(pair[0], ",")[0]) {
			t.Errorf("at %d px: badge %q and its lane's label %q differ", w, pair[0], pair[1])
		} else if pair[2] != pair[3] {
			t.Errorf("at %d px: badge colour %s, its lane label's %s", w, pair[2], pair[3])
		}
	}
	b.noConsoleErrors(t)
}

// TestCoursePath: the gallery lists the lessons in the tutorial's order
// with Summary last; a lesson says "Lesson N of M" and links to its
// neighbours; an embed does neither.
func TestCoursePath(t *testing.T) {
	_, gallery := fetch(t, "/")
	order := []string{"race-to-exit", "counter", "golden-rule", "loop-trap", "errgroup", "leaks", "over-concurrency"}
	last := -1
	for _, slug := range order {
		i := strings.Index(gallery, `href="/lesson/`+slug+`"`)
		if i < last {
			t.Errorf("gallery: %s comes before the lesson it follows in the tutorial", slug)
		}
		last = i
	}
	if s, c := strings.LastIndex(gallery, `href="/lesson/summary"`), strings.LastIndex(gallery, `href="/lesson/channels"`); s < c {
		t.Errorf("gallery: Summary is not last")
	}
	b := newBrowser(t)
	b.openSized(t, "/lesson/golden-rule", 1280, 900)
	if got := eval[string](t, b, "number", `document.querySelector(".lesson-number").textContent`); got != "Lesson 3 of 11" {
		t.Errorf("golden-rule says %q, want Lesson 3 of 11", got)
	}
	prev := eval[string](t, b, "prev", `document.querySelector(".pager a[rel=prev]").getAttribute("href")`)
	next := eval[string](t, b, "next", `document.querySelector(".pager a[rel=next]").getAttribute("href")`)
	if prev != "/lesson/counter" || next != "/lesson/loop-trap" {
		t.Errorf("golden-rule: previous %q, next %q; want /lesson/counter and /lesson/loop-trap", prev, next)
	}
	// Next, in the app (no page load): the next lesson, shown as it is
	// when loaded (its code and its position).
	b.openSized(t, "/lesson/loop-trap", 1280, 900)
	code := eval[string](t, b, "loop-trap's code, loaded", `document.querySelector(".code").textContent`)
	pos := eval[string](t, b, "loop-trap's position, loaded", `document.querySelector(".pos").textContent`)
	b.openSized(t, "/lesson/golden-rule", 1280, 900)
	b.do(t, "next lesson again", chromedp.Click(chromedp.CSS(".pager a[rel=next]")))
	b.waitFor(t, "loop-trap shown again", `location.pathname === "/lesson/loop-trap" && document.querySelector(".lesson-number").textContent === "Lesson 4 of 11"`)
	if got := eval[string](t, b, "loop-trap's code, navigated", `document.querySelector(".code").textContent`); got != code {
		t.Errorf("loop-trap reached in the app shows other code than loaded:\n%s\nwant\n%s", got, code)
	}
	if got := eval[string](t, b, "loop-trap's position, navigated", `document.querySelector(".pos").textContent`); got != pos {
		t.Errorf("loop-trap reached in the app is at %q, loaded at %q", got, pos)
	}
	b.openSized(t, "/embed/golden-rule", 700, 560)
	if n := eval[int](t, b, "embed", `document.querySelectorAll(".pager, .lesson-number").length`); n != 0 {
		t.Errorf("the embed shows the course path (%d elements)", n)
	}
	b.noConsoleErrors(t)
}

// TestStepping: the step buttons skip "runnable" and "runs" (folded into
// their neighbours); in line mode they go from source line to source line
// of the goroutine in focus.
func TestStepping(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	caption := `document.querySelector(".timeline .caption").textContent`
	pos := `document.querySelector(".pos").textContent`
	for i := 0; i < 12; i++ {
		// Wait for the position to leave the one before the click: after the
		// first step "not at 0" already holds, and a look that came before
		// go-app applied the click read the previous step's caption.
		before := eval[string](t, b, "position", pos)
		b.do(t, "step", chromedp.Evaluate[chromedp.Void](`document.querySelector(".ctl.forward").click()`))
		b.waitFor(t, "moved", pos+` !== `+jsString(before))
		if c := eval[string](t, b, "caption", caption); strings.HasSuffix(c, ": runnable") || strings.HasSuffix(c, ": runs") {
			t.Errorf("step %d by event landed on noise: %q", i+1, c)
		}
	}
	b.do(t, "home", chromedp.Evaluate[chromedp.Void](`document.querySelector(".ctl.start").click()`))
	b.do(t, "line mode", chromedp.Evaluate[chromedp.Void](`document.querySelector(".ctl.stepmode").click()`))
	b.waitFor(t, "line mode on", `document.querySelector(".ctl.stepmode").textContent === "by line"`)
	// Each step waits for the caption to change, so the first waits for the
	// start's caption to go: go-app updates the page after the click's
	// handler returns, and on a busy machine the click's update can come
	// after the wait's first look.
	b.waitFor(t, "back at the start", `document.querySelector(".pos").textContent.startsWith("0/")`)
	prev := eval[string](t, b, "start caption", caption)
	for i := 0; i < 4; i++ {
		b.do(t, "step", chromedp.Evaluate[chromedp.Void](`document.querySelector(".ctl.forward").click()`))
		b.waitFor(t, "moved", `document.querySelector(".timeline .caption").textContent !== `+strconv.Quote(prev))
		c := eval[string](t, b, "caption", caption)
		// "line 23 · main: wg.Wait() // blocks…": main's next line, quoted.
		if !strings.HasPrefix(c, "line ") || !strings.Contains(c, " · main: ") || regexp.MustCompile(`: line \d+$`).MatchString(c) {
			t.Errorf("line step %d: caption %q, want main's next line, quoted", i+1, c)
		}
		prev = c
	}
	b.noConsoleErrors(t)
}
