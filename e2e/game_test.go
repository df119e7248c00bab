//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// openGame loads a page of the scheduler game at a viewport and waits for
// the wasm and the game's panel.
func (b *browser) openGame(t *testing.T, path string, width, height int64) {
	t.Helper()
	b.do(t, "open "+path,
		chromedp.EmulateViewport(width, height),
		chromedp.Navigate(baseURL+path),
	)
	b.waitFor(t, "wasm mounted on "+path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader") && document.querySelector(".sched-panel") !== null`)
}

// status is the game's status line ("Pick 3 · …"), or "" once it ended.
const status = `(document.querySelector(".sched-status") || {}).textContent || ""`

// waitPick waits for the status line to say pick n.
func (b *browser) waitPick(t *testing.T, step string, n int) {
	t.Helper()
	b.waitFor(t, step, status+`.startsWith("Pick `+itoa(n)+` ")`)
}

// TestSchedulerGameWin solves the race to the exit's challenge by clicks
// and keys only, undoing twice on the way, then opens the solution's URL in
// a fresh browser and sees the same run.
func TestSchedulerGameWin(t *testing.T) {
	b := newBrowser(t)
	b.openGame(t, "/lesson/race-to-exit?sched=-&theme=light", 1280, 900)
	b.waitPick(t, "the game starts", 1)
	b.screenshot(t, "game-1280-light.png")

	// A click on the worker's button, a key for main, then undo twice.
	b.do(t, "click the worker", chromedp.Click(chromedp.CSS(`.pick-g[data-pick="2"]`)))
	b.waitPick(t, "after a click", 2)
	b.do(t, "key 1", chromedp.KeyEvent("1"))
	b.waitPick(t, "after a key", 3)
	b.do(t, "undo by the button", chromedp.Click(chromedp.CSS(`.sched-do.undo`)))
	b.waitPick(t, "undone once", 2)
	b.do(t, "undo by the key", chromedp.KeyEvent("u"))
	b.waitPick(t, "undone twice", 1)

	// Main goes on until the program ends: Finished! never prints.
	for i := 1; i < 40; i++ {
		if eval[bool](t, b, "won?", `document.querySelector(".win") !== null`) {
			break
		}
		b.do(t, "key 1", chromedp.KeyEvent("1"))
		b.waitFor(t, "pick "+itoa(i)+" taken", `document.querySelector(".win") !== null || !(`+status+`).startsWith("Pick `+itoa(i)+` ")`)
	}
	b.waitFor(t, "won", `document.querySelector(".win") !== null`)
	figures := eval[string](t, b, "figures", `document.querySelector(".win-figures").textContent`)
	if !strings.Contains(figures, "picks") || !strings.Contains(figures, "Fewest possible: 0 preemptions") || !strings.Contains(figures, "Fewest known: 4 picks") {
		t.Errorf("win figures %q: want the picks used, the fewest preemptions possible (searched) and the fewest picks known", figures)
	}
	console := eval[string](t, b, "console", `document.querySelector(".console pre").textContent`)
	if !strings.Contains(console, "Exiting...") || strings.Contains(console, "Finished!") {
		t.Errorf("console %q: want Exiting... without Finished!", console)
	}
	link := eval[string](t, b, "solution", `document.querySelector(".solution-link").href`)
	if !strings.Contains(link, "sched=") {
		t.Fatalf("solution link %q has no sched=", link)
	}
	b.screenshot(t, "game-won-1280-light.png")
	b.noConsoleErrors(t)

	fresh := newBrowser(t)
	path := strings.TrimPrefix(link, baseURL)
	fresh.openGame(t, path, 1280, 900)
	fresh.waitFor(t, "the same win", `document.querySelector(".win") !== null`)
	if got := eval[string](t, fresh, "console", `document.querySelector(".console pre").textContent`); got != console {
		t.Errorf("the solution URL shows console %q, want %q", got, console)
	}
	if got := eval[string](t, fresh, "figures", `document.querySelector(".win-figures").textContent`); got != figures {
		t.Errorf("the solution URL shows %q, want %q", got, figures)
	}
	fresh.open(t, "/", 1280)
	fresh.waitFor(t, "the gallery counts the win", `[...document.querySelectorAll(".challenges.solved")].length >= 1`)
	fresh.screenshot(t, "game-gallery-1280.png")
	fresh.noConsoleErrors(t)
}

// TestSchedulerGameGiveUp: on a fixed variant, giving up shows that no
// schedule within the bound reaches the goal, with the figures.
func TestSchedulerGameGiveUp(t *testing.T) {
	b := newBrowser(t)
	b.do(t, "viewport", chromedp.EmulateViewport(1280, 900))
	b.open(t, "/lesson/golden-rule?variant=add-before&theme=dark", 1280)
	b.screenshot(t, "game-entry-1280-dark.png")
	b.do(t, "enter the game", chromedp.Click(chromedp.CSS(`.sched-link`)))
	b.waitFor(t, "in the game", `location.search.includes("sched=") && document.querySelector(".sched-panel") !== null`)
	b.openGame(t, "/lesson/golden-rule?variant=add-before&sched=-&theme=dark", 1280, 900)
	b.do(t, "give up", chromedp.Click(chromedp.CSS(`.sched-do.giveup`)))
	b.waitFor(t, "impossible", `(document.querySelector(".impossible") || {}).textContent?.includes("schedules with up to 2 preemptions: impossible")`)
	msg := eval[string](t, b, "message", `document.querySelector(".impossible").textContent`)
	if !strings.Contains(msg, "Searched 10,874 schedules") {
		t.Errorf("impossibility message %q: want the search's figure", msg)
	}
	b.screenshot(t, "game-giveup-1280-dark.png")
	b.noConsoleErrors(t)
}

// TestSchedulerGameGiveUpShowsASolution: on a buggy variant, giving up
// plays the lesson's recorded winning schedule, says so, and does not
// count it as the reader's win.
func TestSchedulerGameGiveUpShowsASolution(t *testing.T) {
	b := newBrowser(t)
	b.openGame(t, "/lesson/misuse?sched=-", 1280, 900)
	b.do(t, "give up", chromedp.Click(chromedp.CSS(`.sched-do.giveup`)))
	b.waitFor(t, "the solution played", `(document.querySelector(".win.shown .win-title") || {}).textContent === "A winning schedule"`)
	if got := eval[string](t, b, "figures", `document.querySelector(".win.shown .win-figures").textContent`); !strings.Contains(got, "It takes 35 picks and 1 preemption") {
		t.Errorf("after Give up the game says %q, want the solution's figures", got)
	}
	if got := eval[string](t, b, "console", `document.querySelector(".console pre").textContent`); !strings.Contains(got, "worker 3 done") || !strings.Contains(got, "deadlock") {
		t.Errorf("the solution's output is %q, want worker 3 done, then the deadlock", got)
	}
	if got := eval[string](t, b, "won", `Object.keys(localStorage).map(k => localStorage.getItem(k)).join(" ")`); strings.Contains(got, "misuse/") {
		t.Errorf("giving up counted the challenge as won: local storage has %q", got)
	}
	b.screenshot(t, "game-giveup-solution-1280.png")
	b.noConsoleErrors(t)
}

// TestSchedulerGamePhone: at 390x844 a tap on a lane's label runs that
// goroutine.
func TestSchedulerGamePhone(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		b := newBrowser(t)
		b.openGame(t, "/lesson/golden-rule?sched=-&theme="+theme, 390, 844)
		b.waitPick(t, "the game starts", 1)
		b.do(t, "tap main's lane label", chromedp.Click(chromedp.CSS(`.timeline svg text.lbl`)))
		b.waitPick(t, "a tap picks", 2)
		if w := eval[int](t, b, "page width", `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("at 390px the game is %dpx wide (scrolls sideways)", w)
		}
		b.screenshot(t, "game-390-"+theme+".png")
		b.noConsoleErrors(t)
	}
}

// selectSched leads the context-aware worker of the leaks lesson to its
// select with both the tick and the cancellation ready (found by
// TestGameSelect's random schedules; the game's choices are a plain
// prefix, so a URL holds them).
const selectSched = "10000000001001110000011100010000110001010011110000101010001011101100001010110100"

// TestSchedulerGameSelect: at a select with two ready cases the game
// offers each case (its text and line) as a button with a key; a key
// picks one, and the URL keeps the pick.
func TestSchedulerGameSelect(t *testing.T) {
	b := newBrowser(t)
	b.openGame(t, "/lesson/leaks?variant=context&sched="+selectSched+"&theme=light", 1280, 900)
	b.waitFor(t, "the select's cases", `document.querySelectorAll(".pick-case").length === 2`)
	labels := eval[string](t, b, "case buttons", `[...document.querySelectorAll(".pick-case")].map(e => e.textContent).join(" | ")`)
	for _, want := range []string{"1", "case <-ticker.C (line 17)", "2", "case <-ctx.Done() (line 19)"} {
		if !strings.Contains(labels, want) {
			t.Errorf("case buttons %q: want %q", labels, want)
		}
	}
	if n := eval[int](t, b, "case badges", `document.querySelectorAll(".code [data-case]").length`); n != 2 {
		t.Errorf("%d case badges in the code, want 2", n)
	}
	b.screenshot(t, "game-select-1280-light.png")
	before := eval[string](t, b, "status", status)
	b.do(t, "key 2: the cancellation", chromedp.KeyEvent("2"))
	b.waitFor(t, "the pick taken", `document.querySelectorAll(".pick-case").length === 0 && location.search.includes("sched=`+selectSched+`1")`)
	if after := eval[string](t, b, "status", status); after == before {
		t.Errorf("status %q did not move", after)
	}
	b.noConsoleErrors(t)
}

// TestSchedulerGameEmbed: the Embed… dialog's game option gives an
// iframe of the game; the embed plays it at 700x560 (light and dark): a
// click and keys pick, the frame's URL keeps the picks, and main going on
// wins the race to the exit.
func TestSchedulerGameEmbed(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "/lesson/race-to-exit?theme=light", 1280)
	b.do(t, "open the dialog", chromedp.Click(chromedp.CSS(".share-open")))
	b.waitFor(t, "dialog open", `document.querySelector("#lanes-share").matches(":popover-open")`)
	// Its forms are built as it opens (app/share_box.go).
	b.waitFor(t, "dialog's forms", `!!document.querySelector("#lanes-share .snippet-iframe textarea")`)
	b.do(t, "embed the challenge", chromedp.Click(chromedp.CSS(".share-game")))
	b.waitFor(t, "the snippet embeds the game", `document.querySelector(".snippet-iframe textarea").value.includes("sched=-")`)
	iframe := eval[string](t, b, "iframe snippet", `document.querySelector(".snippet-iframe textarea").value`)
	if !strings.Contains(iframe, baseURL+"/embed/race-to-exit?") {
		t.Errorf("iframe snippet %q: want the race to the exit's embed", iframe)
	}
	b.screenshot(t, "game-share-dialog-1280.png")

	for _, theme := range []string{"light", "dark"} {
		e := newBrowser(t)
		e.openGame(t, "/embed/race-to-exit?sched=-&theme="+theme, 700, 560)
		e.waitPick(t, "the game starts in the embed", 1)
		if n := eval[int](t, e, "the embed's chrome", `document.querySelectorAll(".page.embed.game .embed-bar, .page.embed.game .stage").length`); n != 2 {
			t.Errorf("the embed game has %d of its bar and stage, want 2", n)
		}
		e.do(t, "click the worker", chromedp.Click(chromedp.CSS(`.pick-g[data-pick="2"]`)))
		e.waitPick(t, "a click picks", 2)
		e.do(t, "undo", chromedp.KeyEvent("u"))
		e.waitPick(t, "undone", 1)
		e.screenshot(t, "game-embed-700-"+theme+".png")
		for i := 1; i < 40; i++ {
			if eval[bool](t, e, "won?", `document.querySelector(".win") !== null`) {
				break
			}
			e.do(t, "key 1", chromedp.KeyEvent("1"))
			e.waitFor(t, "pick "+itoa(i)+" taken", `document.querySelector(".win") !== null || !(`+status+`).startsWith("Pick `+itoa(i)+` ")`)
		}
		e.waitFor(t, "won in the embed", `document.querySelector(".win") !== null`)
		if p := eval[string](t, e, "location", `location.pathname + location.search`); !strings.HasPrefix(p, "/embed/race-to-exit?") || !strings.Contains(p, "sched=") {
			t.Errorf("the embed's URL %q: want the embed with its picks", p)
		}
		if w := eval[int](t, e, "page width", `document.documentElement.scrollWidth`); w > 700 {
			t.Errorf("the embed game is %dpx wide at 700px (scrolls sideways)", w)
		}
		e.screenshot(t, "game-embed-won-700-"+theme+".png")
		e.noConsoleErrors(t)
	}
	b.noConsoleErrors(t)
}
