//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browser is a fresh headless Chromium tab with its console errors.
type browser struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
	// expected404 is a page that answers 404 on purpose: the browser's
	// "Failed to load resource" for it is not an error.
	expected404 string
}

func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath()); err != nil {
		t.Fatalf("no chromium at %s (make test installs it): %v", chromiumPath(), err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	b := &browser{ctx: ctx}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				if b.expected404 == "" || !strings.HasSuffix(m.URL, b.expected404) || !strings.Contains(m.Text, "404") {
					b.errs = append(b.errs, m.String()+" at "+m.URL)
				}
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs actions with a time limit, failing the test on error.
func (b *browser) do(t *testing.T, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// eval evaluates a JavaScript expression.
func eval[T any](t *testing.T, b *browser, step, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: evaluating %s: %v", step, js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it is true.
func (b *browser) waitFor(t *testing.T, step, js string) {
	t.Helper()
	b.do(t, step, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(60*time.Second))(ctx, tg)
		if err != nil {
			state, _ := chromedp.Evaluate[string](pageState)(ctx, tg)
			return fmt.Errorf("%w (page: %s)", err, state)
		}
		return err
	}))
}

// pageState sums up the player for a failure message.
const pageState = `["pos " + (document.querySelector(".pos") || {}).textContent,
	"button " + (document.querySelector(".ctl.play") || {}).textContent,
	"focus " + (document.activeElement || {}).tagName, location.search].join(", ")`

// open loads a page at a viewport width and waits for the wasm to mount.
func (b *browser) open(t *testing.T, path string, width int64) {
	t.Helper()
	b.do(t, "open "+path,
		chromedp.EmulateViewport(width, 800),
		chromedp.Navigate(baseURL+path),
	)
	b.waitFor(t, "wasm mounted on "+path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
}

func (b *browser) screenshot(t *testing.T, name string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG, else JPEG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join(root, "e2e", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	return png
}

func (b *browser) noConsoleErrors(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errs {
		t.Errorf("console error: %s", e)
	}
}

func TestLessonPlays(t *testing.T) {
	lesson := firstLesson(t)
	b := newBrowser(t)
	b.open(t, lesson, 1280)

	n := eval[int](t, b, "steps", `+document.querySelector(".scrub").max`)
	if n < 2 {
		t.Fatalf("the run has %d steps, want a few", n)
	}
	endX := eval[string](t, b, "playhead at the end", `document.querySelector(".lanes-playhead").getAttribute("x1")`)

	// Faster (] three times: 8x), then play from the start to the end.
	b.do(t, "speed up", chromedp.KeyEvent("]"), chromedp.KeyEvent("]"), chromedp.KeyEvent("]"))
	// Keys are handled asynchronously: wait for the third to show.
	b.waitFor(t, "speed 8× after ] ] ]", `document.querySelector(".speed").selectedOptions[0].textContent === "8×"`)
	// Start from the beginning (the page opens at the end of the run), so
	// that "played to the end" cannot be the state before the click.
	b.do(t, "go to the start", chromedp.KeyEvent(kb.Home))
	b.waitFor(t, "at the start before playing", `document.querySelector(".pos").textContent === "0/`+itoa(n)+`"`)
	b.do(t, "press play", chromedp.Click(chromedp.CSS(".ctl.play")))
	b.waitFor(t, "playing", `document.querySelector(".ctl.play").textContent.includes("Pause") || document.querySelector(".pos").textContent !== "0/`+itoa(n)+`"`)
	b.waitFor(t, "played to the end", `document.querySelector(".pos").textContent === "`+itoa(n)+`/`+itoa(n)+`" && document.querySelector(".ctl.play").textContent.includes("Play")`)
	console := eval[string](t, b, "console at the end", `document.querySelector(".console pre").textContent`)
	if strings.TrimSpace(console) == "" {
		t.Errorf("console is empty at the end of the run")
	}

	// Step back with the keyboard: the playhead, position and caption move.
	caption := eval[string](t, b, "caption", `document.querySelector(".caption").textContent`)
	b.do(t, "step back", chromedp.KeyEvent(kb.ArrowLeft))
	// (a step skips "runnable" and "runs": it may go back more than one event)
	b.waitFor(t, "stepped back", `document.querySelector(".pos").textContent !== "`+itoa(n)+`/`+itoa(n)+`"`)
	if x := eval[string](t, b, "playhead", `document.querySelector(".lanes-playhead").getAttribute("x1")`); x == endX {
		t.Errorf("after a step back the playhead is still at x=%s", x)
	}
	if c := eval[string](t, b, "caption", `document.querySelector(".caption").textContent`); c == caption {
		t.Errorf("after a step back the caption is still %q", c)
	}
	b.do(t, "home", chromedp.KeyEvent(kb.Home))
	b.waitFor(t, "at the start", `document.querySelector(".pos").textContent === "0/`+itoa(n)+`" && document.querySelector(".console pre").textContent === ""`)
	b.waitFor(t, "URL carries t", `location.search.includes("t=0")`)

	b.screenshot(t, "lesson-1280.png")

	// Switch variant (when the lesson has more than one).
	if eval[int](t, b, "variants", `document.querySelectorAll(".variant").length`) > 1 {
		want := eval[string](t, b, "other variant", `document.querySelector(".variant:not(.selected)").textContent`)
		b.do(t, "switch variant", chromedp.Click(chromedp.CSS(".variant:not(.selected)")))
		b.waitFor(t, "variant switched", `location.search.includes("variant=") && document.querySelector(".variant.selected").textContent === `+jsString(want))
		b.waitFor(t, "timeline still drawn", `document.querySelector(".timeline svg .lanes-playhead") !== null`)
	}

	// A full-width picture for the README, mid-run (the run unfolds).
	b.open(t, lesson, 1280)
	b.do(t, "mid-run", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub");
		s.value = String(Math.floor(+s.max * 0.6)); s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	b.waitFor(t, "mid-run", `!document.querySelector(".pos").textContent.startsWith("0/")`)
	png := b.screenshot(t, "lesson-readme.png")
	// docs/screenshot.png is committed: only `make readme-shot` replaces it,
	// so that `make test` leaves the checkout as it found it.
	if os.Getenv("LANES_README_SHOT") != "" {
		if err := os.WriteFile(filepath.Join(root, "docs", "screenshot.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.noConsoleErrors(t)
}

func TestPhoneWidth(t *testing.T) {
	lesson := firstLesson(t)
	b := newBrowser(t)
	b.open(t, lesson, 360)
	stacked := eval[bool](t, b, "stacked", `(() => {
		const c = document.querySelector(".workbench .code").getBoundingClientRect();
		const tl = document.querySelector(".workbench .timeline").getBoundingClientRect();
		return tl.bottom <= c.top + 1;
	})()`)
	if !stacked {
		t.Errorf("at 360px the code and the timeline are not stacked")
	}
	if w := eval[int](t, b, "page width", `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("at 360px the page is %dpx wide (scrolls sideways)", w)
	}
	b.screenshot(t, "lesson-360.png")
	b.open(t, "/", 360)
	b.screenshot(t, "gallery-360.png")
	b.noConsoleErrors(t)
}

func TestEmbedAndGallery(t *testing.T) {
	lesson := firstLesson(t)
	b := newBrowser(t)
	b.open(t, "/", 1280)
	b.screenshot(t, "gallery-1280.png")
	b.open(t, strings.Replace(lesson, "/lesson/", "/embed/", 1)+"?theme=dark&t=0", 640)
	if got := eval[string](t, b, "position", `document.querySelector(".pos").textContent`); !strings.HasPrefix(got, "0/") {
		t.Errorf("embed with t=0: position %q, want 0/…", got)
	}
	b.screenshot(t, "embed-dark-640.png")
	b.mu.Lock()
	b.expected404 = "/lesson/no-such-lesson"
	b.mu.Unlock()
	b.open(t, "/lesson/no-such-lesson", 1280)
	if got := eval[string](t, b, "error page", `document.querySelector("h1").textContent`); got != "Lesson not found" {
		t.Errorf("unknown lesson: h1 %q", got)
	}
	b.noConsoleErrors(t)
}

func itoa(n int) string { return strconv.Itoa(n) }

// jsString quotes s for JavaScript.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// openHeld opens path at w×h with the first request matching pattern (a
// Fetch URL pattern such as "*app.wasm*") held back: it returns once that
// request was made, and release lets it through and holds nothing more.
func (b *browser) openHeld(t *testing.T, path string, w, h int64, pattern string) (release func()) {
	t.Helper()
	paused := make(chan cdpfetch.RequestID, 4)
	b.do(t, "viewport", chromedp.EmulateViewport(w, h))
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*cdpfetch.EventRequestPaused); ok {
			select {
			case paused <- e.RequestID:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(b.ctx, cdpfetch.Enable, cdpfetch.EnableParams{Patterns: []*cdpfetch.RequestPattern{{URLPattern: pattern}}}); err != nil {
		t.Fatalf("hold %s: %v", pattern, err)
	}
	// The navigation may end before the held request is made (/play asks
	// for its status once the app runs), or wait for it (the wasm).
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Minute)
	t.Cleanup(cancel)
	go chromedp.Run(ctx, chromedp.Navigate(baseURL+path))
	var id cdpfetch.RequestID
	select {
	case id = <-paused:
	case <-ctx.Done():
		t.Fatalf("%s was never requested", pattern)
	}
	return func() {
		t.Helper()
		if _, err := chromedp.Call(b.ctx, cdpfetch.ContinueRequest, cdpfetch.ContinueRequestParams{RequestID: id}); err != nil {
			t.Fatalf("release %s: %v", pattern, err)
		}
		if _, err := chromedp.Call(b.ctx, cdpfetch.Disable, cdp.Empty{}); err != nil {
			t.Fatalf("stop holding requests: %v", err)
		}
	}
}

// seek moves the player to step at with the position slider, as a
// reader's drag does, and waits until the page shows it.
func (b *browser) seek(t *testing.T, at int) {
	t.Helper()
	b.do(t, "seek "+itoa(at), chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector(".scrub"); s.value = "`+itoa(at)+`"; s.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	b.waitFor(t, "at "+itoa(at), `document.querySelector(".pos").textContent.startsWith("`+itoa(at)+`/")`)
}
