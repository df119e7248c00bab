//go:build e2e

package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// setSelect picks a value in a <select> the way a user does (change event).
func setSelect(sel, value string) string {
	return `(() => { const s = document.querySelector(` + jsString(sel) + `); s.value = ` + jsString(value) +
		`; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`
}

// TestWhatCanHappen runs the explorer in the page: the page keeps painting
// (the progress bar shows up while it runs), the outcomes come with the
// words of lanes explore (a summary of what was searched, "found in N of M
// schedules", no percentage, the runtime strategy's outcome first and
// labelled, those real Go printed marked), and an outcome's replay link
// shows a run that ends that way.
func TestWhatCanHappen(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "/lesson/golden-rule", 1280)
	eval[bool](t, b, "random mode", setSelect(".explore-mode", "random"))
	eval[bool](t, b, "watch for the progress bar", `(() => { window.sawProgress = false;
		new MutationObserver(() => { if (document.querySelector(".explore progress")) window.sawProgress = true; })
			.observe(document.body, {childList: true, subtree: true}); return true; })()`)
	b.do(t, "run schedules", chromedp.Click(chromedp.CSS(".explore-run")))
	b.waitFor(t, "outcomes", `document.querySelectorAll(".outcomes .outcome").length > 0 && !document.querySelector(".explore progress")`)
	if !eval[bool](t, b, "progress bar seen", `window.sawProgress`) {
		t.Errorf("no progress bar was painted while 1,000 schedules ran: the page did not get a turn")
	}
	summary := eval[string](t, b, "summary", `document.querySelector(".explore-summary").textContent`)
	if !strings.HasPrefix(summary, "1,000 random schedules (the first one the runtime strategy's)") {
		t.Errorf("summary %q, want 1,000 random schedules, the first the runtime strategy's", summary)
	}
	first := eval[string](t, b, "first outcome", `document.querySelector(".outcomes .outcome").textContent`)
	if !strings.Contains(first, "found in ") || !strings.Contains(first, "of 1,000 schedules") || !strings.Contains(first, "Go on one CPU, timers on time") {
		t.Errorf("the first outcome %q is not the runtime one with its count in words", first)
	}
	results := eval[string](t, b, "results", `document.querySelector(".explore-results").textContent`)
	if strings.Contains(results, "%") || !strings.Contains(results, "seen on real Go") {
		t.Errorf("the outcomes show a percentage or no outcome real Go printed is marked: %q", results)
	}
	if n := eval[int](t, b, "outcomes", `document.querySelectorAll(".outcomes .outcome").length`); n < 2 {
		t.Errorf("add-inside over 1,000 random schedules: %d outcomes, want both (complete and workers lost)", n)
	}
	if !strings.Contains(eval[string](t, b, "label", `document.querySelector(".explore").textContent`), "not how often real hardware does it") {
		t.Errorf("the explorer is not labelled as counts over schedules")
	}
	// Replay the least frequent outcome.
	want := eval[string](t, b, "outcome output", `[...document.querySelectorAll(".outcomes .outcome")].pop().querySelector("pre").textContent`)
	b.do(t, "replay", chromedp.Click(chromedp.CSS(".outcomes .outcome:last-child .replay")))
	b.waitFor(t, "replayed", `location.search.includes("strategy=random") && location.search.includes("seed=")`)
	b.waitFor(t, "replay's console", `document.querySelector(".console pre").textContent === `+jsString(want))
	b.screenshot(t, "explore-1280.png")

	// A small program is searched exhaustively (within the preemption bound); its replay link carries the choices.
	b.open(t, "/lesson/misuse?variant=extra-done", 360)
	b.do(t, "run schedules", chromedp.Click(chromedp.CSS(".explore-run")))
	b.waitFor(t, "complete", `(document.querySelector(".explore-summary") || {}).textContent?.startsWith("Every schedule")`)
	b.do(t, "replay", chromedp.Click(chromedp.CSS(".outcomes .outcome:last-child .replay")))
	b.waitFor(t, "replayed", `location.search.includes("replay=") && document.querySelector(".schedule").textContent.includes("a recorded one")`)
	if w := eval[int](t, b, "page width", `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("at 360px with outcomes the page is %dpx wide", w)
	}
	b.screenshot(t, "explore-360.png")
	b.noConsoleErrors(t)
}

// TestSleepHackSlider moves the slider: the code shows the program that
// runs, and past 100 ms "Finished!" no longer prints.
func TestSleepHackSlider(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "/lesson/race-to-exit?variant=sleep", 1280)
	code := `document.querySelector(".code pre").textContent`
	if c := eval[string](t, b, "code", code); !strings.Contains(c, "const work = 50 * time.Millisecond") {
		t.Fatalf("the sleep hack's code lacks its constant: %q", c)
	}
	n := eval[int](t, b, "positions", `+document.querySelector(".param-range").max`)
	eval[bool](t, b, "slide to the end", `(() => { const r = document.querySelector(".param-range"); r.value = r.max;
		r.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	b.waitFor(t, "slid", `location.search.includes("variant=sleep-work-150ms")`)
	b.waitFor(t, "code updated", code+`.includes("const work = 150 * time.Millisecond")`)
	if c := eval[string](t, b, "console", `document.querySelector(".console pre").textContent`); strings.Contains(c, "Finished!") {
		t.Errorf("work = 150ms: the console shows Finished!: %q", c)
	}
	if got := eval[string](t, b, "value", `document.querySelector(".param-value").textContent`); got != "150ms" {
		t.Errorf("the slider says %q at position %d, want 150ms", got, n)
	}
	checkMarkers(t, b, "race-to-exit/sleep-work-150ms")
	b.screenshot(t, "slider-1280.png")
	b.noConsoleErrors(t)
}

// TestMeasuredInYourBrowser parks real goroutines in the page's wasm.
func TestMeasuredInYourBrowser(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "/lesson/over-concurrency", 1280)
	b.do(t, "measure", chromedp.Click(chromedp.CSS(".memory-run")))
	b.waitFor(t, "measured", `document.querySelector(".memory-per") !== null`)
	per := eval[string](t, b, "per goroutine", `document.querySelector(".memory-per").textContent`)
	kb, err := strconv.ParseFloat(strings.TrimSuffix(per, " KB"), 64)
	if err != nil || kb <= 0 {
		t.Errorf("per goroutine %q, want a positive number of KB", per)
	}
	t.Logf("this headless Chromium: %s per parked goroutine (%s)", per,
		eval[string](t, b, "details", `document.querySelector(".memory-result").textContent`))
	b.screenshot(t, "memory-1280.png")
	b.noConsoleErrors(t)
}
