//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// longLineProgram prints one line of 300,000 characters with no space in
// it: it used to make /play 2.5 million px wide.
const longLineProgram = `package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println("e2e before the long line")
	fmt.Println(strings.Repeat("x", 300000))
	fmt.Println("e2e after the long line")
}
`

// netHTTPProgram imports a package Lanes does not simulate.
const netHTTPProgram = `package main

import (
	"fmt"
	"net/http"
)

func main() {
	fmt.Println("e2e", http.StatusOK)
}
`

// phoneLineProgram prints a line of 170 characters, wider than a phone.
const phoneLineProgram = `package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println("e2e phone", strings.Repeat("ab", 85))
	fmt.Println("e2e phone end")
}
`

// manyLinesProgram would print 200,000 lines; the step limit stops it:
// it used to make /play 211,042 px tall, its last lines far below the
// player.
const manyLinesProgram = `package main

import "fmt"

func main() {
	for i := 0; i < 200000; i++ {
		fmt.Println("e2e line", i)
	}
}
`

// pageFits: the page is no wider than its viewport, and the console's
// box sits inside it.
const pageFits = `(() => {
	const pre = document.querySelector(".console pre"), r = pre.getBoundingClientRect();
	return document.documentElement.scrollWidth <= innerWidth && r.right <= innerWidth && r.width > 0;
})()`

// newestInView: the console is scrolled to its end (its newest line in
// its box), or has no scroll of its own.
const newestInView = `(() => {
	const pre = document.querySelector(".console pre");
	return pre.scrollHeight <= pre.clientHeight || pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
})()`

// consoleState sums up the console's box for a failure message.
const consoleState = `(() => {
	const pre = document.querySelector(".console pre");
	return JSON.stringify({page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight], view: [innerWidth, innerHeight],
		pre: [pre.clientWidth, pre.clientHeight, pre.scrollHeight, pre.scrollTop], pos: document.querySelector(".pos").textContent});
})()`

// runToEnd types src, runs it and puts the player at the end of the run.
func (b *browser) runToEnd(t *testing.T, src, last string) {
	t.Helper()
	b.setProgram(t, src)
	b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "built and ran", timelineDrawn+` && document.querySelector(".scrub").max > 2`)
	b.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	b.waitFor(t, "at the end", posAtEnd+` && document.querySelector(".console pre").textContent.includes(`+jsString(last)+`)`)
}

// TestPlaygroundConsole: a program's output never widens the page (a line
// wraps in the console) nor makes it ever taller (the console scrolls in
// its own box, its newest line in view as the run plays and at its end,
// with the step limit's line), on a desktop and a phone; Stop is a note,
// not a failure; and a refusal points at the page's own list of what
// Lanes runs.
func TestPlaygroundConsole(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/play", 1280, 900)
	b.waitLong(t, "the default program ran", defaultRan)

	// Stop while the page builds: a note, no red box.
	b.setProgram(t, strings.Replace(phoneLineProgram, "e2e phone end", "e2e stopped before it ran", 1))
	b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitFor(t, "Run became Stop", `document.querySelector(".play-run").textContent.includes("Stop")`)
	b.do(t, "stop", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitFor(t, "stopped, with a note", `((document.querySelector(".play-notice") || {}).textContent || "").includes("Stopped. Press Run to run it again.")`)
	if eval[bool](t, b, "a red box", `document.querySelector(".play-message") !== null`) {
		t.Errorf("Stop shows a failure: %s", eval[string](t, b, "its text", `document.querySelector(".play-message").textContent`))
	}
	if got := eval[string](t, b, "the button", `document.querySelector(".play-run").textContent`); !strings.Contains(got, "Run") {
		t.Errorf("after Stop the button reads %q, want Run", got)
	}

	// An unsupported import: the message points at the page's own list of
	// what Lanes runs (not at docs/cli.md), one click away.
	b.setProgram(t, netHTTPProgram)
	b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "refused", `(document.querySelector(".play-message") || {textContent: ""}).textContent.includes("is not supported yet")`)
	if msg := eval[string](t, b, "the message", `document.querySelector(".play-message pre").textContent`); !strings.Contains(msg, "What programs can Lanes run?") || strings.Contains(msg, "docs/cli.md") || strings.Contains(msg, "go doc") {
		t.Errorf("the refusal points at %q, want the page's own section", msg)
	}
	b.do(t, "open the section", chromedp.Click(chromedp.CSS(".play-help-open")))
	b.waitFor(t, "the section is open and in view", `(() => { const d = document.querySelector(".play-help"), r = d.getBoundingClientRect(); return d.open && r.top < innerHeight && r.bottom > 0; })()`)

	// A 300,000-character line wraps inside the console.
	b.runToEnd(t, longLineProgram, "e2e after the long line")
	if !eval[bool](t, b, "the page fits", pageFits) {
		t.Errorf("a long line widens the page: %s", eval[string](t, b, "sizes", consoleState))
	}
	b.shot(t, "play-console-long-line-1280.png")

	// 200,000 lines, stopped at the step limit: the console keeps its
	// height and shows its newest lines, as the run plays and at its end.
	b.setProgram(t, manyLinesProgram)
	b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "built and ran", timelineDrawn+` && document.querySelector(".scrub").max > 1000`)
	b.waitFor(t, "it plays past a screenful of lines", `document.querySelector(".ctl.play").textContent.includes("Pause") && (() => { const pre = document.querySelector(".console pre"); return pre.scrollHeight > 2 * pre.clientHeight; })()`)
	b.waitFor(t, "the newest line in view as it plays", newestInView)
	b.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	b.waitFor(t, "at the end, stopped", posAtEnd+` && document.querySelector(".console pre .stderr") !== null`)
	b.waitFor(t, "the newest line in view at the end", `(() => {
		const pre = document.querySelector(".console pre"), r = pre.getBoundingClientRect(), e = pre.querySelector(".stderr").getBoundingClientRect();
		return e.top >= r.top && e.top < r.bottom;
	})()`)
	for _, check := range []struct{ desc, js string }{
		{"the page is not much taller than the screen", `document.documentElement.scrollHeight < 3 * innerHeight`},
		{"the console is at most half the screen tall", `document.querySelector(".console pre").getBoundingClientRect().height <= innerHeight / 2 + 1`},
		{"the page fits its width", pageFits},
		{"the console says the limit", `document.querySelector(".console pre .stderr").textContent.includes("stopped after 20,000 steps")`},
		{"the note says the same number", `document.querySelector(".play-notice").textContent.includes("did not end within 20,000 steps")`},
	} {
		if !eval[bool](t, b, check.desc, check.js) {
			t.Errorf("%s: no (%s; note %q)", check.desc, eval[string](t, b, "sizes", consoleState), eval[string](t, b, "note", `(document.querySelector(".play-notice") || {}).textContent || ""`))
		}
	}
	b.shot(t, "play-console-many-lines-1280.png")

	// On a phone: a 170-character line wraps too; light and dark.
	for _, theme := range []string{"light", "dark"} {
		b.openSized(t, "/play?theme="+theme, 390, 844)
		b.waitLong(t, "the default program ran on a phone", defaultRan)
		b.runToEnd(t, phoneLineProgram, "e2e phone end")
		if !eval[bool](t, b, "the page fits a phone", pageFits) {
			t.Errorf("%s: a 170-character line widens the phone's page: %s", theme, eval[string](t, b, "sizes", consoleState))
		}
		b.shot(t, "play-console-390-"+theme+".png")
	}
	b.allowBuildErrors()
	b.noConsoleErrors(t)
}
