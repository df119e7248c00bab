//go:build e2e

package e2e

import (
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// inlinedStill is the still a program page carries for the app
// (app/play_inline.go); a page the server made while busy has none.
var inlinedStill = regexp.MustCompile(`<script type="application/json" id="lanes-still">[^<]*</script>`)

// busyLike serves program pages as a busy server does (internal/site's
// busy.go): without the still inlined, so the app fetches it; and
// answers the first stills503 requests for /play/still/ with a 503 and
// Retry-After. It returns how many still requests were made.
func (b *browser) busyLike(t *testing.T, stills503 int) *atomic.Int32 {
	t.Helper()
	var asked atomic.Int32
	if err := chromedp.Listen(b.ctx, func(ev any) {
		e, ok := ev.(*cdpfetch.EventRequestPaused)
		if !ok {
			return
		}
		go func() {
			switch {
			case strings.Contains(e.Request.URL, "/play/still/"):
				if int(asked.Add(1)) <= stills503 {
					chromedp.Call(b.ctx, cdpfetch.FulfillRequest, cdpfetch.FulfillRequestParams{RequestID: e.RequestID, ResponseCode: 503,
						ResponseHeaders: []*cdpfetch.HeaderEntry{{Name: "Retry-After", Value: "1"}, {Name: "Content-Type", Value: "application/json"}},
						Body:            []byte(`{"error":"busy"}`)})
					return
				}
			case e.ResponseStatusCode == 200 && e.ResourceType == "Document":
				body, err := chromedp.Call(b.ctx, cdpfetch.GetResponseBody, cdpfetch.GetResponseBodyParams{RequestID: e.RequestID})
				if err == nil {
					page := body.Body
					var hdr []*cdpfetch.HeaderEntry // the body is handed over decoded
					for _, h := range e.ResponseHeaders {
						if n := strings.ToLower(h.Name); n != "content-encoding" && n != "content-length" {
							hdr = append(hdr, h)
						}
					}
					chromedp.Call(b.ctx, cdpfetch.FulfillRequest, cdpfetch.FulfillRequestParams{RequestID: e.RequestID, ResponseCode: 200,
						ResponseHeaders: hdr, Body: inlinedStill.ReplaceAll(page, nil)})
					return
				}
			}
			chromedp.Call(b.ctx, cdpfetch.ContinueRequest, cdpfetch.ContinueRequestParams{RequestID: e.RequestID})
		}()
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, cdpfetch.Enable, cdpfetch.EnableParams{Patterns: []*cdpfetch.RequestPattern{
		{URLPattern: "*/p/*", RequestStage: cdpfetch.RequestStageResponse},
		{URLPattern: "*/play/still/*"},
	}}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { chromedp.Call(b.ctx, cdpfetch.Disable, cdp.Empty{}) })
	return &asked
}

// Review finding: a shared program's page served while the server was
// busy showed "Press Run" and no timeline when its still did not come.
// A page without its still fetches it, asking again on a 503 with
// Retry-After, and shows it without building anything; when the still
// never comes, it runs the program: the page always ends with a
// timeline. It opens at the start, as a lesson's embed does.
func TestSharedStillWhenBusy(t *testing.T) {
	id := sharedWithStill(t, workersProgram)

	b := newBrowser(t)
	asked := b.busyLike(t, 1)
	b.openSized(t, "/embed/p/"+id+"?theme=dark", 700, 560)
	b.waitLong(t, "the still, asked for twice", `document.documentElement.dataset.lanesStill === "1" && `+timelineDrawn)
	if n := asked.Load(); n < 2 {
		t.Errorf("the still was asked for %d times, want 2 (a 503, then the still)", n)
	}
	if n := eval[int](t, b, "build requests", fetchedPlay); n != 0 {
		t.Errorf("the still took %d requests to build or load a module, want none", n)
	}
	if pos := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); !strings.HasPrefix(pos, "0/") {
		t.Errorf("the program's embed opens at %s, want the start (0/…), as a lesson's embed", pos)
	}
	b.shot(t, "play-busy-embed-700-dark.png") // no noConsoleErrors: the browser logs the 503s

	never := newBrowser(t)
	never.busyLike(t, 1000)
	never.openSized(t, "/p/"+id, 1280, 900)
	never.waitLong(t, "the program run instead", `+(document.documentElement.dataset.lanesRuns || 0) > 0 && `+timelineDrawn)
	if eval[bool](t, never, "Press Run", `document.querySelector(".play-empty") !== null`) {
		t.Errorf("/p/%s without its still shows Press Run", id)
	}
	never.shot(t, "play-busy-never-1280.png")
}
