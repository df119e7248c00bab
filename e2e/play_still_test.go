//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPlaygroundStill: a shared program's page, once the server has made
// its still (it starts on Share), prerenders the run's timeline and
// output: what a reader without WebAssembly (JavaScript off here) sees,
// at a desk, on a phone and in an embed. Its oEmbed answer then names
// the picture as its thumbnail.
func TestPlaygroundStill(t *testing.T) {
	resp, err := http.Post(baseURL+"/play/share", "text/plain", strings.NewReader(workersProgram))
	if err != nil {
		t.Fatal(err)
	}
	var shared struct{ URL string }
	err = json.NewDecoder(resp.Body).Decode(&shared)
	resp.Body.Close()
	if err != nil || !strings.HasPrefix(shared.URL, "/p/") {
		t.Fatalf("share: %d %+v %v", resp.StatusCode, shared, err)
	}
	deadline := time.Now().Add(buildWait)
	for {
		status, body := fetch(t, shared.URL)
		if status == 200 && strings.Contains(body, `class="timeline`) {
			if !strings.Contains(body, "e2e sum of squares: 5") {
				t.Errorf("the prerendered still of %s lacks the program's output", shared.URL)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s has no prerendered timeline after %v (status %d)", shared.URL, buildWait, status)
		}
		time.Sleep(time.Second)
	}
	status, body := fetch(t, "/oembed?format=json&url="+baseURL+shared.URL)
	if want := `"thumbnail_url":"` + baseURL + "/svg" + shared.URL + `.svg"`; status != 200 || !strings.Contains(body, want) {
		t.Errorf("oEmbed of %s: %d %s, want %s", shared.URL, status, body, want)
	}

	b := newBrowser(t)
	for _, v := range []struct {
		path string
		w, h int64
		name string
	}{
		{shared.URL, 1280, 900, "play-still-1280-light.png"},
		{shared.URL + "?theme=dark", 1280, 900, "play-still-1280-dark.png"},
		{shared.URL + "?theme=dark", 390, 844, "play-still-390-dark.png"},
		{shared.URL + "?theme=light", 390, 844, "play-still-390-light.png"},
		{"/embed" + shared.URL + "?theme=light", 700, 560, "play-still-embed-700-light.png"},
		{"/embed" + shared.URL + "?theme=dark", 700, 560, "play-still-embed-700-dark.png"},
	} {
		b.do(t, "open "+v.path+" without JavaScript",
			chromedp.EmulateViewport(v.w, v.h),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}),
			chromedp.Navigate(baseURL+v.path))
		if !eval[bool](t, b, "the still", `document.querySelector(".timeline svg") !== null`) {
			t.Errorf("%s without JavaScript: no timeline", v.path)
		}
		b.screenshot(t, v.name)
	}
	// With WebAssembly, the page shows the same still at once: the
	// program is neither built nor its module fetched until the reader
	// runs it.
	live := newBrowser(t)
	live.openSized(t, shared.URL, 1280, 900)
	live.waitLong(t, "the still shown by the app", `document.documentElement.dataset.lanesStill === "1" && `+timelineDrawn)
	if n := eval[int](t, live, "build requests", fetchedPlay); n != 0 {
		t.Errorf("%s showed its still after %d requests to build or load its module, want none", shared.URL, n)
	}
	live.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	live.waitFor(t, "the still's output", `document.querySelector(".console pre").textContent.includes("e2e sum of squares: 5")`)
	live.shot(t, "play-still-live-1280-light.png")
	live.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	live.waitLong(t, "ran in the browser", `+(document.documentElement.dataset.lanesRuns || 0) > 0 && `+timelineDrawn)
	if n := eval[int](t, live, "build requests", fetchedPlay); n == 0 {
		t.Errorf("Run on %s asked for no module", shared.URL)
	}
	for _, theme := range []string{"light", "dark"} {
		live.openSized(t, shared.URL+"?theme="+theme, 390, 844)
		live.waitLong(t, "the still on a phone", `document.documentElement.dataset.lanesStill === "1" && `+timelineDrawn)
		live.shot(t, "play-still-live-390-"+theme+".png")
	}
	live.noConsoleErrors(t)

	svgResp, err := http.Get(baseURL + "/svg" + shared.URL + ".svg")
	if err != nil {
		t.Fatal(err)
	}
	pic, _ := io.ReadAll(svgResp.Body)
	svgResp.Body.Close()
	if svgResp.StatusCode != 200 || !strings.HasPrefix(string(pic), "<svg") {
		t.Errorf("the picture: %d %.60q", svgResp.StatusCode, pic)
	}
}

// fetchedPlay counts the page's requests that build a program or say
// where its module is.
const fetchedPlay = `performance.getEntriesByType("resource").filter(e => /\/play\/(build|built|module)\b/.test(e.name)).length`
