//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScaleToggle switches the timeline from virtual time to steps: the URL
// carries scale=step and the picture is redrawn with one slot per event.
func TestScaleToggle(t *testing.T) {
	lesson := firstLesson(t)
	b := newBrowser(t)
	b.open(t, lesson, 1280)
	before := eval[string](t, b, "timeline", `document.querySelector(".timeline svg").outerHTML`)
	b.do(t, "pick steps", chromedp.Click(chromedp.CSS(".scale:not(.selected)")))
	b.waitFor(t, "scale in the URL", `location.search.includes("scale=step")`)
	b.waitFor(t, "redrawn", `document.querySelector(".scale.selected") && document.querySelector(".scale.selected").textContent === "steps" && document.querySelector(".timeline svg") !== null`)
	if after := eval[string](t, b, "timeline", `document.querySelector(".timeline svg").outerHTML`); after == before {
		t.Errorf("the timeline is the same on the step scale")
	}
	b.noConsoleErrors(t)
}
