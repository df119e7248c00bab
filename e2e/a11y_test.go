//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tap is a one-finger tap at (x, y) with real touch events, as a phone
// sends them (touchstart, touchend; the browser makes the pointer events).
func tap(x, y float64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		id := 1.0
		pt := []*input.TouchPoint{{X: x, Y: y, ID: &id}}
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: pt}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
		return err
	})
}

// TestPhoneTapShowsBar: on a phone, a tap on a bar of the timeline shows
// the bar's card (what hovering shows on a desktop) next to the bar, in
// the viewport, without scrolling.
func TestPhoneTapShowsBar(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/over-concurrency", 390, 844)
	b.do(t, "End", chromedp.KeyEvent(kb.End))
	b.waitFor(t, "at the end", atEndJS)
	b.do(t, "timeline in view", chromedp.Evaluate[chromedp.Void](`document.querySelector(".timeline-scroll").scrollIntoView({block: "center"})`))
	var bar struct{ X, Y, Top, Bottom float64 }
	if err := json.Unmarshal([]byte(eval[string](t, b, "the bar", `(() => {
		const r = document.querySelector('.timeline-scroll svg g.ln[data-g="2"] rect.s-slp').getBoundingClientRect();
		return JSON.stringify({x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom});
	})()`)), &bar); err != nil {
		t.Fatal(err)
	}
	scroll := eval[float64](t, b, "scroll", `scrollY`)
	b.do(t, "tap the bar", tap(bar.X, bar.Y))
	b.waitFor(t, "a card", `(() => { const c = document.querySelector(".tl-card"); return c && getComputedStyle(c).display !== "none"; })()`)
	var card struct {
		Text                     string
		Top, Bottom, Left, Right float64
		VH, VW, Scroll           float64
	}
	if err := json.Unmarshal([]byte(eval[string](t, b, "the card", `(() => {
		const c = document.querySelector(".tl-card"), r = c.getBoundingClientRect();
		return JSON.stringify({text: c.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth, scroll: scrollY});
	})()`)), &card); err != nil {
		t.Fatal(err)
	}
	t.Logf("card %+v bar %+v", card, bar)
	if card.Top < 0 || card.Bottom > card.VH || card.Left < 0 || card.Right > card.VW {
		t.Errorf("the card is not all in the viewport: %+v", card)
	}
	if card.Top > bar.Bottom+80 || card.Bottom < bar.Top-80 {
		t.Errorf("the card (%v..%v) is far from the bar (%v..%v)", card.Top, card.Bottom, bar.Top, bar.Bottom)
	}
	if card.Scroll != scroll {
		t.Errorf("the tap scrolled the page from %v to %v", scroll, card.Scroll)
	}
	b.viewportShot(t, "a11y-tap-390-light.png")
	b.noConsoleErrors(t)
}

// atEndJS: the player is at the end of the run.
const atEndJS = `(() => { const p = document.querySelector(".pos").textContent.split("/"); return p[0] === p[1]; })()`

// active describes the focused element.
const active = `(() => { const a = document.activeElement; return a ? a.tagName + "." + (a.getAttribute("class") || "") + (a.closest("#lanes-share") ? " in-dialog" : "") : ""; })()`

// TestKeyboardFold: the "show them one by one" row of a group lane is a
// button to the keyboard: Enter expands the lane, Space folds it again,
// and the focus stays on the row across the redraw.
func TestKeyboardFold(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/over-concurrency", 1280, 900)
	fold := `document.querySelector(".timeline-scroll svg [data-fold][role=button]")`
	if got := eval[string](t, b, "the fold row", `(() => { const f = `+fold+`; return f.getAttribute("role") + " " + f.tabIndex + " " + f.getAttribute("aria-expanded"); })()`); got != "button 0 false" {
		t.Fatalf("the fold row: role, tabIndex, aria-expanded = %q, want a button, tab stop, folded", got)
	}
	// The row shows once its lane has begun: at the end.
	b.do(t, "End", chromedp.KeyEvent(kb.End))
	b.waitFor(t, "at the end", atEndJS)
	lanes := `document.querySelectorAll(".timeline-scroll svg g.ln").length`
	n0 := eval[int](t, b, "lanes", lanes)
	b.do(t, "focus and Enter", chromedp.Evaluate[chromedp.Void](fold+`.focus()`), chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, "expanded", fold+`.getAttribute("aria-expanded") === "true"`)
	b.waitFor(t, "the focus back on the row", `document.activeElement && document.activeElement.matches("[data-fold][role=button]")`)
	if n1 := eval[int](t, b, "lanes", lanes); n1 <= n0 {
		t.Errorf("Enter on the fold row: %d lanes, before %d", n1, n0)
	}
	if !eval[bool](t, b, "position", atEndJS) {
		t.Errorf("Enter on the fold row also moved the player")
	}
	b.elementShot(t, ".timeline", "a11y-fold-focus-1280-light.png")
	b.do(t, "Space", chromedp.KeyEvent(" "))
	b.waitFor(t, "folded again", fold+`.getAttribute("aria-expanded") === "false"`)
	if !eval[bool](t, b, "position", atEndJS) {
		t.Errorf("Space on the fold row also moved the player")
	}
	b.noConsoleErrors(t)
}

// TestKeyboardCodeLines: the code pane is one tab stop (not one per
// line); ↓ marks a line, Enter jumps to that line's next event.
func TestKeyboardCodeLines(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	if got := eval[string](t, b, "tab stops", `(() => { const c = document.querySelector("figure.code");
		return c.tabIndex + " " + c.querySelectorAll("[tabindex]").length; })()`); got != "0 0" {
		t.Fatalf("the code pane's tabIndex and its inner tab stops: %q, want \"0 0\"", got)
	}
	// The line of the go statement: a line with events.
	target := eval[int](t, b, "a line", `(() => { const ls = [...document.querySelectorAll(".code .line")];
		return ls.findIndex(l => /\bgo \w/.test(l.textContent)) + 1; })()`)
	if target < 2 {
		t.Fatalf("no go statement in the counter lesson")
	}
	b.do(t, "focus the code", chromedp.Evaluate[chromedp.Void](`document.querySelector("figure.code").focus()`))
	for i := 0; i < target; i++ { // the first ↓ marks line 1
		b.do(t, "down", chromedp.KeyEvent(kb.ArrowDown))
	}
	b.waitFor(t, "line marked", `(() => { const l = document.querySelector(".code .line.kbd"); return l && +l.dataset.line === `+itoa(target)+`; })()`)
	b.do(t, "Enter", chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, "jumped", `!document.querySelector(".pos").textContent.startsWith("0/")`)
	if got := eval[string](t, b, "focus", active); !strings.HasPrefix(got, "FIGURE.code") {
		t.Errorf("after Enter the focus is on %q, not the code pane", got)
	}
	b.elementShot(t, "figure.code", "a11y-code-kbd-1280-light.png")
	b.noConsoleErrors(t)
}

// TestKeyboardEmbedDialog: the Embed… dialog is a modal dialog: role,
// aria-modal and a label; the focus moves in as it opens, Tab stays
// inside, Escape closes it and gives the focus back to its button.
func TestKeyboardEmbedDialog(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/lesson/counter", 1280, 900)
	d := `document.querySelector("#lanes-share")`
	if got := eval[string](t, b, "dialog", `(() => { const d = `+d+`; return d.getAttribute("role") + " " + d.getAttribute("aria-modal") + " " + document.getElementById(d.getAttribute("aria-labelledby")).textContent; })()`); got != "dialog true Embed this view" {
		t.Errorf("the dialog's role, aria-modal, label: %q", got)
	}
	b.do(t, "open by keyboard", chromedp.Evaluate[chromedp.Void](`document.querySelector(".share-open").focus()`), chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, "dialog open", d+`.matches(":popover-open")`)
	b.waitFor(t, "focus inside", `!!document.activeElement.closest("#lanes-share")`)
	for i := 0; i < 25; i++ {
		b.do(t, "Tab", chromedp.KeyEvent(kb.Tab))
		if got := eval[string](t, b, "focus", active); !strings.HasSuffix(got, "in-dialog") {
			t.Fatalf("Tab %d left the dialog: focus on %q", i+1, got)
		}
	}
	b.do(t, "Shift+Tab", chromedp.Evaluate[chromedp.Void](d+`.querySelector("select").focus()`), chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if got := eval[string](t, b, "focus", active); !strings.HasSuffix(got, "in-dialog") {
		t.Errorf("Shift+Tab from the first control left the dialog: focus on %q", got)
	}
	b.do(t, "dialog shot", chromedp.Sleep(100*time.Millisecond))
	b.viewportShot(t, "a11y-dialog-1280-light.png")
	b.do(t, "Escape", chromedp.KeyEvent(kb.Escape))
	b.waitFor(t, "dialog closed", `!`+d+`.matches(":popover-open")`)
	if got := eval[string](t, b, "focus", active); !strings.Contains(got, "share-open") {
		t.Errorf("after Escape the focus is on %q, not the Embed… button", got)
	}
	b.noConsoleErrors(t)
}

// TestEmbedLegendKeyboard: in a short embed the legend is one row that
// scrolls sideways; it is a tab stop with a visible ring, and the arrow
// keys scroll it to its end.
func TestEmbedLegendKeyboard(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/embed/counter?theme=light", 700, 560)
	l := `document.querySelector(".tl-legend")`
	if got := eval[string](t, b, "legend", `(() => { const l = `+l+`; return l.tabIndex + " " + (l.scrollWidth > l.clientWidth); })()`); got != "0 true" {
		t.Fatalf("the legend's tabIndex and whether it scrolls: %q, want \"0 true\"", got)
	}
	b.do(t, "Tab to it", chromedp.Evaluate[chromedp.Void](`document.querySelector(".zoom-in").focus()`), chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, b, "focus", active); !strings.HasPrefix(got, "UL.tl-legend") {
		t.Fatalf("Tab from the zoom buttons went to %q, not the legend", got)
	}
	if got := eval[string](t, b, "ring", `getComputedStyle(`+l+`).outlineStyle`); got != "solid" {
		t.Errorf("the focused legend's outline is %q, want a ring", got)
	}
	for i := 0; i < 12; i++ {
		b.do(t, "right", chromedp.KeyEvent(kb.ArrowRight))
	}
	b.waitFor(t, "scrolled to the end", `(() => { const l = `+l+`; return l.scrollLeft + l.clientWidth >= l.scrollWidth - 2; })()`)
	if pos := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); !strings.HasPrefix(pos, "0/") {
		t.Errorf("the arrows in the legend also stepped the player: %s", pos)
	}
	b.viewportShot(t, "a11y-legend-700-light.png")
	b.noConsoleErrors(t)
}
