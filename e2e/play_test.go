//go:build e2e

package e2e

import (
	"context"
	"io"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A build takes seconds on a warm machine and much longer under load (a
// cold go cache: a minute and a half): the playground's waits are long.
const buildWait = 5 * time.Minute

// waitLong polls a condition for up to buildWait.
func (b *browser) waitLong(t *testing.T, step, js string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, buildWait+30*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(200*time.Millisecond), chromedp.WithPollingTimeout(buildWait)))
	if err != nil {
		state, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](playState))
		t.Fatalf("%s: %v (page: %s)", step, err, state)
	}
}

// playState sums up the play page for a failure message.
const playState = `[(document.querySelector(".play-status, .play-message, .play-notice, .play-empty") || {}).textContent,
	"pos " + (document.querySelector(".pos") || {}).textContent, location.pathname + location.search].join(" | ")`

// shot scrolls to the top (the player's controls are sticky: a full-page
// capture of a scrolled page draws the timeline under them blank) and
// takes a full-page screenshot.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	eval[bool](t, b, "scroll to the top", `(window.scrollTo(0, 0), true)`)
	b.screenshot(t, name)
}

// setProgram replaces the editor's program the way a reader does: click
// into it, select everything, type (inserted as text input, so the
// editor's bracket closing and indenting do not rewrite it).
func (b *browser) setProgram(t *testing.T, src string) {
	t.Helper()
	b.do(t, "edit the program",
		chromedp.Click(chromedp.CSS(".play-editor .cm-content")),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: src})
			return err
		}),
	)
	b.waitFor(t, "the editor holds the program", `document.querySelector(".play-editor .cm-content").innerText.includes(`+jsString(firstLine(src))+`)`)
}

func firstLine(src string) string {
	for _, l := range strings.Split(src, "\n") {
		if strings.Contains(l, "Println") {
			return strings.TrimSpace(l)
		}
	}
	return "package main"
}

// timelineDrawn: the run's timeline and its playhead are on the page.
const timelineDrawn = `document.querySelector(".timeline svg .lanes-playhead") !== null && document.querySelector(".play-status") === null`

// posAtEnd: the player is at the end of its run. go-app shows a click on
// "to the end" after the click's handler: a screenshot taken right after
// the click can show the step before.
const posAtEnd = `(() => { const [a, n] = document.querySelector(".pos").textContent.split("/"); return +a === +n && +n > 0; })()`

// defaultRan: /play has run its default program in a worker. The
// prerendered page already has a timeline and no status, so timelineDrawn
// alone holds before the page's first run has even begun (it waits for
// the server's answer to /play/status); an explore clicked then was ended
// by that run starting (begin in web/play.js), and never reported.
const defaultRan = timelineDrawn + ` && window.lanesPlayWorkers > 0`

const workersProgram = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch <- i * i
		}()
	}
	wg.Wait()
	close(ch)
	sum := 0
	for v := range ch {
		sum += v
	}
	fmt.Println("e2e sum of squares:", sum)
}
`

const typeErrorProgram = `package main

import "fmt"

func main() {
	var n int = "five"
	fmt.Println("never", n)
}
`

const foreverProgram = `package main

import "fmt"

func main() {
	n := 0
	for {
		n++
	}
	fmt.Println("unreachable", n)
}
`

func TestPlayground(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, "/play", 1280, 900)
	b.waitLong(t, "the editor is there", `document.querySelector(".play-editor .cm-content") !== null`)
	b.waitLong(t, "the default program ran", defaultRan)

	// Type a program with a WaitGroup and a channel, run it, see its lanes.
	b.setProgram(t, workersProgram)
	b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "built and ran", timelineDrawn+` && document.querySelector(".scrub").max > 10`)
	b.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	b.waitFor(t, "the console shows the output", `document.querySelector(".console pre").textContent.includes("e2e sum of squares: 5")`)
	if n := eval[int](t, b, "lanes", `document.querySelectorAll(".code .line, .timeline svg text").length`); n == 0 {
		t.Errorf("the timeline has no labels")
	}
	b.do(t, "step back", chromedp.Click(chromedp.CSS(".ctl.back")))
	b.waitFor(t, "stepped back", `(() => { const [a, n] = document.querySelector(".pos").textContent.split("/"); return +a < +n; })()`)
	b.do(t, "to the end again", chromedp.Click(chromedp.CSS(".ctl.end")))
	b.waitFor(t, "at the end again", posAtEnd)
	b.shot(t, "play-1280-light.png")

	// A type error: a message, and the line marked in the editor.
	b.setProgram(t, typeErrorProgram)
	b.do(t, "run the broken program", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "the compile error is shown", `(document.querySelector(".play-message") || {textContent: ""}).textContent.includes("main.go:6")`)
	b.waitFor(t, "its line is marked", `document.querySelector(".play-editor .cm-lintRange-error, .play-editor .cm-lint-marker-error") !== null`)
	b.shot(t, "play-error-1280-light.png")

	// A program that never ends: stopped, with a message, the page alive.
	b.setProgram(t, foreverProgram)
	b.do(t, "run the endless program", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "stopped with a message", `(document.querySelector(".play-notice, .play-message") || {textContent: ""}).textContent.match(/did not end|stopped/) !== null`)

	// Format: the program as gofmt writes it.
	b.setProgram(t, "package main\n\nimport \"fmt\"\n\nfunc main(){fmt.Println(\"formatted\")}\n")
	b.do(t, "format", chromedp.Click(chromedp.CSS(".play-format")))
	b.waitFor(t, "formatted", `document.querySelector(".play-editor .cm-content").innerText.includes("func main() {")`)

	// Share the working program; a fresh browser opens its link.
	b.setProgram(t, workersProgram)
	b.do(t, "share", chromedp.Click(chromedp.CSS(".play-share")))
	b.waitFor(t, "a link", `document.querySelector(".play-link") !== null`)
	link := eval[string](t, b, "the link", `document.querySelector(".play-link").getAttribute("href")`)
	if !regexp.MustCompile(`^/p/[0-9A-Za-z]+$`).MatchString(link) {
		t.Fatalf("share gave %q, want /p/ID", link)
	}
	b.shot(t, "play-share-1280-light.png")
	b.allowBuildErrors()
	b.noConsoleErrors(t)

	fresh := newBrowser(t)
	fresh.openSized(t, link+"?theme=dark", 1280, 900)
	fresh.waitLong(t, "the shared program ran", timelineDrawn)
	// The program shows at once (the prerender's, then the editor's
	// once its script has loaded: it may come after the still's run).
	if got := eval[string](t, fresh, "the program", `document.querySelector(".play-editor-wrap").innerText`); !strings.Contains(got, "e2e sum of squares") {
		t.Errorf("the shared page shows the program %q, want the shared program", got)
	}
	fresh.waitFor(t, "the editor holds the shared program", `(document.querySelector(".play-editor .cm-content") || {innerText: ""}).innerText.includes("e2e sum of squares")`)
	fresh.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
	fresh.waitFor(t, "same output", `document.querySelector(".console pre").textContent.includes("e2e sum of squares: 5")`)
	fresh.shot(t, "play-shared-1280-dark.png")

	for _, theme := range []string{"light", "dark"} {
		fresh.openSized(t, link+"?theme="+theme, 390, 844)
		fresh.waitLong(t, "the shared program ran on a phone", timelineDrawn)
		fresh.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
		fresh.waitFor(t, "at the end on a phone", posAtEnd)
		fresh.shot(t, "play-shared-390-"+theme+".png")
	}

	for _, theme := range []string{"light", "dark"} {
		fresh.openSized(t, "/embed"+link+"?theme="+theme, 700, 560)
		fresh.waitLong(t, "the embed's timeline", `document.querySelector(".timeline svg .lanes-playhead") !== null`)
		fresh.do(t, "to the end", chromedp.Click(chromedp.CSS(".ctl.end")))
		fresh.waitFor(t, "the embed at the end", posAtEnd)
		fresh.shot(t, "play-embed-700-"+theme+".png")
	}
	fresh.noConsoleErrors(t)
}

// TestPlaygroundBadRequests: every bad request gets a clear answer, never
// a 500 (no browser needed).
func TestPlaygroundBadRequests(t *testing.T) {
	post := func(path, body string) (int, string) {
		resp, err := http.Post(baseURL+path, "text/plain", strings.NewReader(body))
		if err != nil {
			t.Fatalf("POST %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		desc, method, path, body string
		status                   int
		want                     string
	}{
		{"empty program", "POST", "/play/build", "", 400, "empty"},
		{"not package main", "POST", "/play/build", "package lib\n\nfunc main() {}\n", 400, "main"},
		{"syntax error", "POST", "/play/build", "package main\n\nfunc main() {\n", 400, "main.go:"},
		{"unsupported import", "POST", "/play/build", "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"x\") }\n", 400, "net/http"},
		{"invalid UTF-8", "POST", "/play/build", "package main\n\nfunc main() { _ = \"\xff\" }\n", 400, "UTF-8"},
		{"65 KiB", "POST", "/play/build", "package main\n\n//" + strings.Repeat("x", 65<<10) + "\nfunc main() {}\n", 413, "64 KiB"},
		{"build with GET", "GET", "/play/build", "", 405, ""},
		{"unknown module", "GET", "/play/module/" + strings.Repeat("0", 64) + ".wasm", "", 404, "no such program module"},
		{"not a module key", "GET", "/play/module/nope.wasm", "", 404, ""},
		{"unknown program", "GET", "/p/zzzzzzzzzzzz", "", 404, "Program not found"},
		{"unknown source", "GET", "/play/source/zzzzzzzzzzzz", "", 404, "no shared program"},
		{"share an empty program", "POST", "/play/share", "", 400, ""},
	}
	for _, tc := range tests {
		var status int
		var body string
		if tc.method == "POST" {
			status, body = post(tc.path, tc.body)
		} else {
			status, body = fetch(t, tc.path)
		}
		if status != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %s %s = %d %.200q, want %d with %q", tc.desc, tc.method, tc.path, status, body, tc.status, tc.want)
		}
	}
}

// allowBuildErrors forgets the browser's "Failed to load resource" for
// the builds this test made fail on purpose (400 with the compile error).
func (b *browser) allowBuildErrors() {
	b.mu.Lock()
	defer b.mu.Unlock()
	var keep []string
	for _, e := range b.errs {
		if !(strings.HasSuffix(e, "/play/build") && strings.Contains(e, "400")) {
			keep = append(keep, e)
		}
	}
	b.errs = keep
}

// TestPlaygroundEditLesson: a lesson's "Edit ✎" opens its program in
// /play, where a modified copy runs.
func TestPlaygroundEditLesson(t *testing.T) {
	b := newBrowser(t)
	b.openSized(t, firstLesson(t), 1280, 900)
	b.do(t, "edit", chromedp.Click(chromedp.CSS(".code figcaption .edit")))
	b.waitLong(t, "the lesson's program in the editor", `location.pathname === "/play" && location.search.includes("lesson=") && (document.querySelector(".play-editor .cm-content") || {innerText: ""}).innerText.includes("package main")`)
	b.waitLong(t, "it ran", timelineDrawn)
	b.editCopy(t)
	b.do(t, "run the copy", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "the copy ran", timelineDrawn+` && document.querySelector(".play-notice, .play-idle") !== null`)
	b.noConsoleErrors(t)
}

// editCopy types a comment at the end of the editor's program, as a
// reader editing it would, and waits for the editor to have it.
func (b *browser) editCopy(t *testing.T) {
	t.Helper()
	b.do(t, "edit the program",
		chromedp.Click(chromedp.CSS(".play-editor .cm-content")),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "\n// an edited copy\n"})
			return err
		}),
	)
	b.waitFor(t, "edited", `document.querySelector(".play-editor .cm-content").innerText.includes("an edited copy")`)
}

// TestPlaygroundStaticPrograms: `lanes static -programs DIR` under a
// sub-path of a plain static host: /p/NAME and its embed run the
// program's precompiled module, with no server to build it.
func TestPlaygroundStaticPrograms(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(lanesBin, "static", "-out", dir, "-base", "/sub/", "-programs", "docs/examples")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lanes static -programs: %v\n%s", err, out)
	}
	site := "http://127.0.0.1:" + serveOn(t, staticHost(dir, "/sub")) + "/sub"
	b := newBrowser(t)
	for _, p := range []string{"/p/addinside", "/embed/p/addinside"} {
		b.do(t, "open "+p, chromedp.EmulateViewport(1024, 800), chromedp.Navigate(site+p))
		b.waitFor(t, "wasm started on "+p, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
		b.waitLong(t, "the program's still shown on "+p, `document.documentElement.dataset.lanesStill === "1" && document.querySelector(".timeline svg .lanes-playhead") !== null`)
		if n := eval[int](t, b, "module requests", fetchedPlay); n != 0 {
			t.Errorf("%s fetched its module %d times to show its still, want none", p, n)
		}
		b.do(t, "to the end on "+p, chromedp.Click(chromedp.CSS(".ctl.end")))
		b.waitFor(t, "its output on "+p, `document.querySelector(".console pre").textContent.includes("all done")`)
		if p == "/p/addinside" { // Run: the precompiled module, in the worker
			b.do(t, "run", chromedp.Click(chromedp.CSS(".play-run")))
			b.waitLong(t, "ran its module", `+(document.documentElement.dataset.lanesRuns || 0) > 0 && document.querySelector(".timeline svg .lanes-playhead") !== null`)
			b.do(t, "to the end after Run", chromedp.Click(chromedp.CSS(".ctl.end")))
			b.waitFor(t, "its output after Run", `document.querySelector(".console pre").textContent.includes("all done")`)
			// An edited copy cannot be built here: Run says so, as a
			// notice, not as an error of the program.
			b.editCopy(t)
			b.do(t, "run the edited copy", chromedp.Click(chromedp.CSS(".play-run")))
			b.waitFor(t, "Run says the copy cannot be built here", `((document.querySelector(".play-notice") || {}).textContent || "").includes("not an edited copy") && !document.querySelector(".play-message")`)
			if n := eval[int](t, b, "share and format", `document.querySelectorAll(".play-share, .play-format").length`); n != 0 {
				t.Errorf("a static copy offers %d Share or Format buttons, want none", n)
			}
		}
	}
	for _, v := range []struct {
		w, h  int64
		theme string
	}{{1280, 900, "light"}, {1280, 900, "dark"}, {390, 844, "light"}, {390, 844, "dark"}} {
		b.do(t, "open the exported page", chromedp.EmulateViewport(v.w, v.h), chromedp.Navigate(site+"/p/addinside?theme="+v.theme))
		b.waitLong(t, "its still", `document.documentElement.dataset.lanesStill === "1" && document.querySelector(".timeline svg .lanes-playhead") !== null`)
		b.shot(t, "static-program-"+itoa(int(v.w))+"-"+v.theme+".png")
	}
	b.noConsoleErrors(t)
}
