//go:build e2e

package e2e

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// downloadsTo makes the browser save downloads into dir.
func (b *browser) downloadsTo(t *testing.T, dir string) {
	t.Helper()
	c := chromedp.FromContext(b.ctx)
	_, err := cdp.Call(b.ctx, c.Browser, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	if err != nil {
		t.Fatalf("download behaviour: %v", err)
	}
}

// waitFile waits for a complete file in dir and returns its bytes.
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s was not downloaded", name)
	return nil
}

func TestShareDialogAndDownloads(t *testing.T) {
	slug := lessonsWithPrograms(t, 1)[0]
	b := newBrowser(t)
	dir := t.TempDir()
	b.open(t, "/lesson/"+slug+"?seed=5&strategy=random&t=3", 1280)
	b.downloadsTo(t, dir)

	if pos := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); !strings.HasPrefix(pos, "3/") {
		t.Errorf("t=3: position %q", pos)
	}
	x := eval[string](t, b, "playhead", `document.querySelector(".lanes-playhead").getAttribute("x1")`)
	caption := eval[string](t, b, "caption", `document.querySelector(".caption").textContent`)

	// Until it is opened, the app has not built the dialog's forms (the
	// prerendered page has them, for a reader without the app).
	if eval[bool](t, b, "forms before opening", `!!document.querySelector("#lanes-share .snippet")`) {
		t.Error("the dialog's forms were built before it was opened")
	}
	// The dialog opens, shows this view's snippets, and copies them.
	b.do(t, "open the dialog", chromedp.Click(chromedp.CSS(".share-open")))
	b.waitFor(t, "dialog open", `document.querySelector("#lanes-share").matches(":popover-open")`)
	// Its forms are built as it opens (app/share_box.go).
	b.waitFor(t, "dialog's forms", `!!document.querySelector("#lanes-share .snippet-iframe textarea")`)
	iframe := eval[string](t, b, "iframe snippet", `document.querySelector(".snippet-iframe textarea").value`)
	wantSrc := `<iframe src="` + baseURL + `/embed/` + slug + `?seed=5&amp;strategy=random&amp;t=3"`
	if !strings.HasPrefix(iframe, wantSrc) || !strings.Contains(iframe, `loading="lazy"`) || !strings.Contains(iframe, `title="Lanes: `) {
		t.Errorf("iframe snippet %q, want it to start %q with a title and loading=lazy", iframe, wantSrc)
	}
	eval[bool](t, b, "theme dark", `(() => { const s = document.querySelector(".share-theme"); s.value = "dark"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	b.waitFor(t, "snippet follows the option", `document.querySelector(".snippet-iframe textarea").value.includes("theme=dark")`)
	b.do(t, "copy", chromedp.Click(chromedp.CSS(".snippet-hugo .copy")))
	b.waitFor(t, "copied", `document.documentElement.dataset.lanesCopied === document.querySelector(".snippet-hugo textarea").value`)
	b.waitFor(t, "copy button says so", `document.querySelector(".snippet-hugo .copy").textContent.startsWith("Copied")`)
	b.screenshot(t, "share-dialog-1280.png")
	permalink := eval[string](t, b, "permalink", `document.querySelector(".snippet-permalink textarea").value`)
	if want := eval[string](t, b, "location", `location.href`); permalink != want {
		t.Errorf("permalink %q, want the page's own URL %q", permalink, want)
	}
	b.do(t, "close", chromedp.Click(chromedp.CSS(".share-close")))
	b.waitFor(t, "dialog closed", `!document.querySelector("#lanes-share").matches(":popover-open")`)

	// Download SVG: the same bytes as the server's /svg/ route (and so as
	// `lanes svg`, which course's real_test compares).
	b.do(t, "download svg", chromedp.Click(chromedp.CSS(".dl-svg")))
	name := "lanes-" + slug + "-seed-5-random-t-3.svg"
	got := waitFile(t, dir, name)
	_, want := fetch(t, "/svg/"+slug+".svg?seed=5&strategy=random&t=3")
	if !bytes.Equal(got, []byte(want)) {
		t.Errorf("downloaded SVG (%d bytes) differs from /svg/ (%d bytes)", len(got), len(want))
	}
	if !bytes.Contains(got, []byte("line ")) {
		t.Errorf("downloaded SVG has no code-line caption")
	}

	// Download PNG: twice the picture's size.
	b.do(t, "download png", chromedp.Click(chromedp.CSS(".dl-png")))
	pic := waitFile(t, dir, strings.TrimSuffix(name, ".svg")+".png")
	img, err := png.Decode(bytes.NewReader(pic))
	if err != nil {
		t.Fatalf("downloaded PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w != 2*960 {
		t.Errorf("PNG is %dpx wide, want 1920 (2× the 960px picture)", w)
	}

	// The permalink reproduces the view exactly.
	b.open(t, strings.TrimPrefix(permalink, baseURL), 1280)
	if got := eval[string](t, b, "playhead again", `document.querySelector(".lanes-playhead").getAttribute("x1")`); got != x {
		t.Errorf("permalink: playhead at x=%s, want %s", got, x)
	}
	if got := eval[string](t, b, "caption again", `document.querySelector(".caption").textContent`); got != caption {
		t.Errorf("permalink: caption %q, want %q", got, caption)
	}
	b.noConsoleErrors(t)
}
