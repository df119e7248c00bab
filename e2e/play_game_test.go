//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// editorBadges counts the game's badges in /play's editor.
const editorBadges = `document.querySelectorAll(".play-editor .cm-game-badge").length`

// TestPlaygroundGameEditor: the game on /play marks the editor as lessons
// mark their code (each runnable goroutine's line in its lane's colour, a
// badge to pick it); a click on a badge picks; the picks replay in the
// worker that ran the program (no new worker, never "Building"); the URL
// carries the goal and the choices, and opens the same game in a fresh
// browser; the marks go when the game ends.
func TestPlaygroundGameEditor(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/play?theme=light", 1280, 900)
	b.waitLong(t, "the editor is there", `document.querySelector(".play-editor .cm-content") !== null`)
	b.waitLong(t, "the default program ran", defaultRan)
	b.do(t, "explore", chromedp.Click(chromedp.CSS(".explore-run")))
	b.waitLong(t, "outcomes", `document.querySelectorAll(".outcomes .outcome button.reach").length >= 1 && !document.querySelector(".explore progress")`)
	workers := eval[int](t, b, "workers so far", `window.lanesPlayWorkers`)
	eval[bool](t, b, "watch the status", `(window.sawBuilding = false,
		new MutationObserver(() => { const s = document.querySelector(".play-status"); if (s && /Building|Running/.test(s.textContent)) window.sawBuilding = true; })
			.observe(document.body, {childList: true, subtree: true, characterData: true}), true)`)
	eval[bool](t, b, "reach it yourself", `(document.querySelector(".outcomes .outcome button.reach").click(), true)`)
	b.waitLong(t, "the game's first pause", `document.querySelector(".sched-panel") !== null && (`+status+`).startsWith("Pick 1 ")`)
	b.waitFor(t, "the editor marks the first pause", editorBadges+` > 0 && document.querySelector(".play-editor .cm-game-line") !== null`)
	line := eval[string](t, b, "marked line", `document.querySelector(".play-editor .cm-game-line").className`)
	if !strings.Contains(line, " g") {
		t.Errorf("marked line's class %q: want its lane's colour (gN)", line)
	}
	b.shot(t, "play-game-1280-light.png")

	// Three picks by the editor's badges, the first a real click.
	for i := 1; i <= 3; i++ {
		before := eval[string](t, b, "status", status)
		if i == 1 {
			b.do(t, "click a badge", chromedp.Click(chromedp.CSS(".play-editor .cm-game-badge")))
		} else {
			eval[bool](t, b, "click a badge", `(document.querySelector(".play-editor .cm-game-badge").click(), true)`)
		}
		b.waitLong(t, "pick "+itoa(i)+" answered", `(`+status+`).startsWith("Pick `+itoa(i+1)+` ") && (`+status+`) !== `+jsString(before))
		b.waitFor(t, "badges for pick "+itoa(i+1), editorBadges+` > 0`)
	}
	if n := eval[int](t, b, "workers", `window.lanesPlayWorkers`); n != workers {
		t.Errorf("%d workers started during the game, want none (the picks reuse the explore's worker)", n-workers)
	}
	if eval[bool](t, b, "building seen", `window.sawBuilding`) {
		t.Error("the status said Building or Running during the game's picks")
	}
	search := eval[string](t, b, "url", `location.search`)
	if !strings.Contains(search, "goal=") || !strings.Contains(search, "sched=") {
		t.Fatalf("location.search = %q, want goal= and sched=", search)
	}
	task := eval[string](t, b, "task", `document.querySelector(".challenge .task").textContent`)
	at := eval[string](t, b, "status", status)

	// The same URL in a fresh browser: the same goal, the same pause.
	f := newBrowser(t)
	f.openSized(t, "/play"+strings.Replace(search, "theme=light", "theme=dark", 1), 390, 844)
	f.waitLong(t, "the game from the URL", `document.querySelector(".sched-panel") !== null && (`+status+`) === `+jsString(at))
	if got := eval[string](t, f, "task", `document.querySelector(".challenge .task").textContent`); got != task {
		t.Errorf("fresh browser's task %q, want %q", got, task)
	}
	f.waitFor(t, "the editor's marks", editorBadges+` > 0`)
	f.shot(t, "play-game-390-dark.png")
	f.noConsoleErrors(t)

	// A bad goal: a note, and the program runs without the game.
	g := newBrowser(t)
	g.openSized(t, "/play?goal=win%20please", 1280, 900)
	g.waitLong(t, "the program's run", timelineDrawn)
	if n := eval[string](t, g, "notes", `(document.querySelector(".notes") || {}).textContent || ""`); !strings.Contains(n, "ignored goal=") {
		t.Errorf("notes %q, want the bad goal ignored", n)
	}
	if eval[bool](t, g, "game?", `document.querySelector(".sched-panel") !== null`) {
		t.Error("a bad goal started the game")
	}

	// The runtime finishes the game: the marks go.
	b.do(t, "runtime from here", chromedp.Click(chromedp.CSS(`.sched-do.runtime`)))
	b.waitLong(t, "the end", `document.querySelector(".win, .ended") !== null`)
	b.waitFor(t, "no marks", editorBadges+` === 0 && document.querySelector(".play-editor .cm-game-line") === null`)
	b.shot(t, "play-game-end-1280-light.png")
	b.do(t, "back to the program", chromedp.Click(chromedp.CSS(".play-leave-game")))
	b.waitLong(t, "the program's run again", `document.querySelector(".sched-panel") === null && document.querySelector(".controls") !== null`)
	if s := eval[string](t, b, "url", `location.search`); strings.Contains(s, "goal=") {
		t.Errorf("location.search = %q after leaving the game, want no goal", s)
	}
	b.noConsoleErrors(t)
}
