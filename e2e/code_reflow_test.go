//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCodeNeverReflows: the code pane's lines keep their heights as the
// run plays (each line's gutter is fixed for the run, only as wide as
// what ever stands there), and a line where no goroutine ever stands has
// no gutter, on a desktop and on a phone (where a tab is two columns).
func TestCodeNeverReflows(t *testing.T) {
	const heights = `[...document.querySelectorAll(".code .line")].map(l => Math.round(l.getBoundingClientRect().height)).join(",")`
	for _, tc := range []struct {
		desc string
		w    int64
		tab  string
	}{{"desktop", 1280, "4"}, {"phone", 390, "2"}} {
		t.Run(tc.desc, func(t *testing.T) {
			b := newBrowser(t)
			b.do(t, "open", chromedp.EmulateViewport(tc.w, 844), chromedp.Navigate(baseURL+"/lesson/misuse"))
			b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
			n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
			b.seek(t, 0)
			want := eval[string](t, b, "heights at the start", heights)
			for _, at := range []int{n / 4, n / 2, 3 * n / 4, n} {
				b.seek(t, at)
				if got := eval[string](t, b, "heights", heights); got != want {
					t.Errorf("at step %d the code's lines are %s px high, at the start %s: the code reflowed", at, got, want)
				}
			}
			if got := eval[string](t, b, "an import's gutter", `getComputedStyle(document.querySelector('.code .line[data-line="4"]')).gridTemplateColumns.split(" ").pop()`); got != "0px" {
				t.Errorf("line 4 (an import) has a gutter of %s, want none", got)
			}
			if got := eval[string](t, b, "tab size", `getComputedStyle(document.querySelector(".code code")).tabSize`); got != tc.tab {
				t.Errorf("the code's tabs are %s columns, want %s", got, tc.tab)
			}
			b.noConsoleErrors(t)
		})
	}
}
