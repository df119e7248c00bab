//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// loadWatch records, from the page's first DOM on, every state a program
// page showed while it loaded (on every change of its DOM: go-app's
// renders, the editor's mount): whether it ever lacked the program's
// text or its timeline, or showed "Press Run"; and what it showed when the
// app set data-lanes-ready. It runs before any script of the page.
var loadWatch = `(function () {
  var w = window.__lanesLoad = {states: 0, noCode: 0, noTimeline: 0, pressRun: 0, ready: null};
  function look() {
    var code = document.querySelector(".play-fallback, .cm-content, figure.code");
    var svg = document.querySelector(".timeline svg .lanes-playhead, .timeline svg");
    w.states++;
    if (!code || !code.textContent.includes("close(ch)")) w.noCode++;
    if (!svg) w.noTimeline++;
    if (document.querySelector(".play-empty")) w.pressRun++;
  }
  document.addEventListener("DOMContentLoaded", function () {
    look();
    new MutationObserver(look).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
  });
` + onReady(`
    if (w.ready) return;
    w.ready = {still: t.lanesStill === "1", playhead: !!document.querySelector(".timeline svg .lanes-playhead"),
      steps: document.querySelector(".scrub") ? +document.querySelector(".scrub").max : -1};`) + `
})();`

type loadSeen struct {
	States, NoCode, NoTimeline, PressRun int
	Ready                                *struct {
		Still, Playhead bool
		Steps           int
	}
}

// Review finding: a shared program's page blanked out while it loaded.
// The server's HTML held the run's timeline; once the app started, /p/ID
// showed an empty editor and "Press Run" for most of a second (the
// program was fetched after the mount, then its still), and the embed an
// empty code box; the app said it was ready before any of it was back.
// Now the app's first render shows the program and its still (inlined in
// the page), and it is ready once that run is drawn, live.
func TestSharedProgramNeverBlanks(t *testing.T) {
	id := sharedWithStill(t, workersProgram)
	b := newBrowser(t)
	b.do(t, "watch the load", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: loadWatch})
		return err
	}))
	for _, v := range []struct {
		desc string
		path string
		w, h int64
	}{
		{"the program's page at a desk", "/p/" + id, 1280, 900},
		{"the program's page on a phone, dark", "/p/" + id + "?theme=dark", 390, 844},
		{"its embed", "/embed/p/" + id, 700, 560},
	} {
		b.do(t, "open "+v.path, chromedp.EmulateViewport(v.w, v.h), chromedp.Navigate(baseURL+v.path))
		b.waitFor(t, "ready on "+v.path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
		if v.path == "/p/"+id {
			b.waitLong(t, "the editor", `document.querySelector(".play-editor .cm-content") !== null`)
		}
		seen := eval[loadSeen](t, b, "what the page showed while it loaded", `window.__lanesLoad`)
		if seen.States < 2 || seen.NoCode > 0 || seen.NoTimeline > 0 || seen.PressRun > 0 {
			t.Errorf("%s: of %d states of %s, %d lacked the program's text, %d its timeline, %d showed Press Run; want none",
				v.desc, seen.States, v.path, seen.NoCode, seen.NoTimeline, seen.PressRun)
		}
		if r := seen.Ready; r == nil || !r.Still || !r.Playhead || r.Steps < 10 {
			t.Errorf("%s: when the app said it was ready, it showed %+v; want the still drawn live, with its playhead and steps", v.desc, r)
		}
		if n := eval[int](t, b, "build requests", fetchedPlay); n != 0 {
			t.Errorf("%s: %d requests to build or load the module, want none", v.desc, n)
		}
	}
	b.noConsoleErrors(t)
}

// sharedWithStill shares src and waits until the server has made its
// still (the page's prerender shows its timeline); it returns its id.
func sharedWithStill(t *testing.T, src string) string {
	t.Helper()
	resp, err := http.Post(baseURL+"/play/share", "text/plain", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	var shared struct{ ID string }
	err = json.NewDecoder(resp.Body).Decode(&shared)
	resp.Body.Close()
	if err != nil || shared.ID == "" {
		t.Fatalf("share: %d %+v %v", resp.StatusCode, shared, err)
	}
	for deadline := time.Now().Add(buildWait); ; time.Sleep(time.Second) {
		if status, body := fetch(t, "/p/"+shared.ID); status == 200 && strings.Contains(body, `class="timeline`) {
			return shared.ID
		}
		if time.Now().After(deadline) {
			t.Fatalf("/p/%s has no prerendered timeline after %v", shared.ID, buildWait)
		}
	}
}
