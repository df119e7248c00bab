//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"lanes/course"
	"lanes/timeline"
)

// lessonsWithPrograms returns the slugs of the gallery's lessons that have
// a player (their embed page has controls), at most n.
func lessonsWithPrograms(t *testing.T, n int) []string {
	t.Helper()
	_, body := fetch(t, "/")
	var out []string
	for _, m := range regexp.MustCompile(`href="/lesson/([a-z0-9-]+)"`).FindAllStringSubmatch(body, -1) {
		if _, page := fetch(t, "/embed/"+m[1]); strings.Contains(page, `class="controls"`) {
			out = append(out, m[1])
		}
		if len(out) == n {
			break
		}
	}
	if len(out) < n {
		t.Fatalf("want %d lessons with a program, found %d", n, len(out))
	}
	return out
}

// serveOn serves h on 127.0.0.1 on a new port and returns its port.
func serveOn(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// hostPage is a blog post embedding two lessons with the documented
// snippets: the first exactly as the Embed dialog gives it, the second with
// the strictest sandbox that works, both with the auto-height script.
func hostPage(theme string, slugs []string) string {
	bg, fg := "#ffffff", "#111111"
	if theme == "dark" {
		bg, fg = "#0d1117", "#e6edf3"
	}
	first := course.MakeSnippets(baseURL, slugs[0], "Lanes: first lesson", course.ViewState{}, 0).IFrame
	s := course.ViewState{Minimal: true, T: course.At(0)}
	s.Theme, _ = timeline.ParseTheme(theme)
	second := course.MakeSnippets(baseURL, slugs[1], "Lanes: second lesson", s, 0).IFrame
	second = strings.Replace(second, `sandbox="`+course.EmbedSandbox+`"`, `sandbox="allow-scripts allow-same-origin"`, 1)
	return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A post</title><style>body{margin:0;padding:0 8px;background:` + bg + `;color:` + fg + `;font:16px serif}
.spacer{height:1500px}</style></head><body>
<h1>My post about goroutines</h1><p>Here is what happens:</p>
` + first + `
<p>And another one:</p>
` + second + `
<div class="spacer">The end.</div>
<script>window.lanesHeights = {}; addEventListener("message", function (e) {
  if (e.data && e.data.type === "lanes:height") window.lanesHeights[e.data.slug] = e.data.height; });</script>
` + course.AutoHeightScript + `
</body></html>`
}

// frameCtx attaches to the iframe target whose URL starts with prefix.
func frameCtx(t *testing.T, b *browser, prefix string) context.Context {
	t.Helper()
	var id target.ID
	deadline := time.Now().Add(60 * time.Second)
	for id == "" && time.Now().Before(deadline) {
		infos, err := chromedp.Targets(b.ctx)
		if err != nil {
			t.Fatalf("targets: %v", err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				id = info.TargetID
			}
		}
		if id == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if id == "" {
		t.Fatalf("no iframe target at %s", prefix)
	}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
	t.Cleanup(cancel)
	// Attach with the frame's own context: a first Run under a shorter
	// context would detach when that one ends.
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void]("true",
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("attaching to the frame %s: %v", prefix, err)
	}
	return ctx
}

// in evaluates JavaScript in a frame. (Polled, by interval: Evaluate and
// requestAnimationFrame polling stall in an offscreen cross-site frame.)
func in[T any](t *testing.T, ctx context.Context, step, js string) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(c, chromedp.Poll[string]("JSON.stringify(["+js+"])",
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		t.Fatalf("%s: %s: %v", step, js, err)
	}
	var v [1]T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("%s: %s: decoding %s: %v", step, js, raw, err)
	}
	return v[0]
}

// waitIn polls a condition in a frame.
func waitIn(t *testing.T, ctx context.Context, step, js string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.Poll[chromedp.Void](js,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("%s: waiting for %s: %v (state %s)", step, js, err, in[string](t, ctx, "state", frameState))
	}
}

// frameState describes an embed page's layout, for failure messages.
const frameState = `(() => { const s = document.querySelector(".stage"), p = document.querySelector(".page.embed");
  return s ? "stage " + s.scrollHeight + "/" + s.clientHeight + ", page " + p.getBoundingClientRect().height + ", doc " + document.documentElement.scrollHeight + ", viewport " + innerWidth + "x" + innerHeight + ", pos " + (document.querySelector(".pos") || {}).textContent + ", focus " + (document.activeElement && document.activeElement.outerHTML.slice(0, 80)) : "no stage"; })()`

func TestEmbedOnAnotherOrigin(t *testing.T) {
	slugs := lessonsWithPrograms(t, 2)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			page := hostPage(theme, slugs)
			port := serveOn(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, page)
			}))
			// localhost is another site than the server's 127.0.0.1: the
			// frames are cross-origin and cross-site.
			host := "http://localhost:" + port + "/post"
			b := newBrowser(t)
			b.do(t, "open the host page", chromedp.EmulateViewport(320, 800), chromedp.Navigate(host))
			b.waitFor(t, "both frames report a height", `Object.keys(window.lanesHeights).length === 2`)
			b.waitFor(t, "both frames sized by the script", `[...document.querySelectorAll("iframe.lanes-embed")].every(f => f.style.height !== "" && Math.abs(f.getBoundingClientRect().height - window.lanesHeights[new URL(f.src).pathname.split("/").pop()]) <= 1)`)
			if w := eval[int](t, b, "host width", `document.documentElement.scrollWidth`); w > 320 {
				t.Errorf("the host page is %dpx wide at 320px", w)
			}
			for i, slug := range slugs {
				f := frameCtx(t, b, baseURL+"/embed/"+slug)
				waitIn(t, f, slug+": wasm mounted", `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
				// Sized to its content: nothing scrolls inside the frame.
				waitIn(t, f, slug+": nothing hidden", `(() => { const s = document.querySelector(".stage"); return s.scrollHeight <= s.clientHeight + 1 && document.documentElement.scrollHeight <= innerHeight + 1; })()`)
				if w := in[int](t, f, slug+": frame width", `document.documentElement.scrollWidth`); w > 320 {
					t.Errorf("%s: the embed is %dpx wide inside a 320px page", slug, w)
				}
				if n := in[int](t, f, slug+": links", `[...document.querySelectorAll("a")].filter(a => !a.classList.contains("open")).length`); n != 0 {
					t.Errorf("%s: the embed has %d navigation links besides open in Lanes", slug, n)
				}
				if bad := in[[]string](t, f, slug+": requests", `performance.getEntriesByType("resource").map(e => e.name).filter(u => !u.startsWith(location.origin + "/"))`); len(bad) > 0 {
					t.Errorf("%s: the embed made external requests: %q", slug, bad)
				}
				wantTheme := []string{"theme-auto", "theme-" + theme}[i]
				if !in[bool](t, f, slug+": theme", `!!document.querySelector(".page.embed.`+wantTheme+`")`) {
					t.Errorf("%s: the embed lacks %s", slug, wantTheme)
				}
				// Play (in view: offscreen frames get no animation frames).
				eval[bool](t, b, "scroll into view", `document.querySelectorAll("iframe.lanes-embed")[`+strconv.Itoa(i)+`].scrollIntoView(), true`)
				in[bool](t, f, slug+": to the start", `(document.querySelector(".ctl.start") || {click(){}}).click(), true`)
				in[bool](t, f, slug+": faster", `document.dispatchEvent(new KeyboardEvent("keydown", {key: "]"})), true`)
				waitIn(t, f, slug+": at the start", `document.querySelector(".pos").textContent.startsWith("0/")`)
				in[bool](t, f, slug+": play", `document.querySelector(".ctl.play").click(), true`)
				waitIn(t, f, slug+": played", `(() => { const [a, b] = document.querySelector(".pos").textContent.split("/"); return +a > 0; })()`)
				// (A full-page capture leaves offscreen cross-site frames blank:
				// one picture per frame, scrolled into view.)
				b.screenshot(t, "embed-host-"+theme+"-320-"+strconv.Itoa(i+1)+".png")
			}

			b.noConsoleErrors(t)
		})
	}
}

// Keys pressed in a focused embed stay in it: they drive its player and
// never scroll the host page.
func TestEmbedKeepsKeyboardFocus(t *testing.T) {
	slugs := lessonsWithPrograms(t, 2)
	page := hostPage("light", slugs)
	port := serveOn(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	b := newBrowser(t)
	b.do(t, "open the host page", chromedp.EmulateViewport(640, 700), chromedp.Navigate("http://localhost:"+port+"/post"))
	f := frameCtx(t, b, baseURL+"/embed/"+slugs[0])
	// A headless window never has the system focus: emulate it, so that
	// focus and keys behave as in a browser in front.
	for _, c := range []context.Context{b.ctx, f} {
		tg := chromedp.FromContext(c).Target
		if _, err := cdp.Call(c, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
			t.Fatalf("focus emulation: %v", err)
		}
	}
	waitIn(t, f, "wasm mounted", `document.documentElement.dataset.lanesReady === "1"`)
	b.waitFor(t, "frames sized", `Object.keys(window.lanesHeights).length === 2 && [...document.querySelectorAll("iframe.lanes-embed")].every(f => f.style.height !== "")`)
	waitIn(t, f, "layout settled", `(() => { const s = document.querySelector(".stage"); return s.scrollHeight <= s.clientHeight + 1; })()`)
	// Click the frame's step-forward button with the mouse (the embed
	// opens at step 0).
	before := in[string](t, f, "position", `document.querySelector(".pos").textContent`)
	c, cancel := context.WithTimeout(f, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(c, chromedp.Click(chromedp.CSS(".ctl.forward"))); err != nil {
		t.Fatalf("click step forward: %v", err)
	}
	waitIn(t, f, "stepped forward", `document.querySelector(".pos").textContent !== `+jsString(before))
	waitIn(t, f, "the button has the focus", `document.activeElement && document.activeElement.matches(".ctl.forward")`)
	before = in[string](t, f, "position", `document.querySelector(".pos").textContent`)
	scroll := eval[float64](t, b, "host scroll", `scrollY`)
	b.do(t, "keys", chromedp.KeyEvent("Home"), chromedp.KeyEvent(" "))
	waitIn(t, f, "the keys reached the player", `document.querySelector(".pos").textContent !== `+jsString(before))
	if !eval[bool](t, b, "focus", `document.activeElement === document.querySelector("iframe.lanes-embed")`) {
		t.Errorf("after clicking in the frame, the host's focus is not on the frame")
	}
	if s := eval[float64](t, b, "host scroll", `scrollY`); s != scroll {
		t.Errorf("space in the frame scrolled the host page from %v to %v", scroll, s)
	}
	b.noConsoleErrors(t)
}
