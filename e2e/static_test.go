//go:build e2e

package e2e

import (
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// staticHost serves an exported site under prefix the way static hosts
// (GitHub Pages, Netlify…) do: files as they are, /x from x.html, and
// 404.html for anything missing. Nothing else: no compression, no app.
func staticHost(dir, prefix string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	exists := func(p string) bool {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil && !st.IsDir()
	}
	mux := http.NewServeMux()
	mux.Handle(prefix+"/", http.StripPrefix(prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		switch {
		case p == "/" || exists(p):
		case exists(p + ".html"):
			r.URL.Path = p + ".html"
		default:
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	})))
	return mux
}

func TestStaticExportUnderSubPath(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(lanesBin, "static", "-out", dir, "-base", "/sub/")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lanes static: %v\n%s", err, out)
	}
	site := "http://127.0.0.1:" + serveOn(t, staticHost(dir, "/sub")) + "/sub"
	pages := []string{"/"}
	for _, kind := range []string{"lesson", "embed"} {
		names, _ := filepath.Glob(filepath.Join(dir, kind, "*.html"))
		for _, n := range names {
			pages = append(pages, "/"+kind+"/"+strings.TrimSuffix(filepath.Base(n), ".html"))
		}
	}
	if len(pages) < 5 {
		t.Fatalf("the export has only %d pages", len(pages))
	}
	b := newBrowser(t)
	played := 0
	for _, p := range pages {
		u := site + p
		if p != "/" {
			u += "?t=0"
		}
		b.do(t, "open "+p, chromedp.EmulateViewport(1024, 800), chromedp.Navigate(u))
		b.waitFor(t, "wasm started on "+p, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
		if n := eval[int](t, b, "links on "+p, `[...document.querySelectorAll("a[href^='/']")].filter(a => !a.getAttribute("href").startsWith("/sub/")).length`); n != 0 {
			t.Errorf("%s: %d links lose the /sub prefix", p, n)
		}
		if !eval[bool](t, b, "player on "+p, `!!document.querySelector(".ctl.play")`) {
			continue
		}
		b.do(t, "rewind "+p, chromedp.Click(chromedp.CSS(".ctl.start")))
		b.waitFor(t, "at the start on "+p, `document.querySelector(".pos").textContent.startsWith("0/")`)
		b.do(t, "play "+p, chromedp.Click(chromedp.CSS(".ctl.play")))
		b.waitFor(t, "played on "+p, `+document.querySelector(".pos").textContent.split("/")[0] > 0`)
		played++
	}
	if played == 0 {
		t.Errorf("no page of the export played")
	}
	// In-app navigation keeps the prefix: from the course to a lesson.
	b.do(t, "open the course", chromedp.Navigate(site+"/"))
	b.waitFor(t, "wasm started", `document.documentElement.dataset.lanesReady === "1"`)
	b.do(t, "click a lesson", chromedp.Click(chromedp.CSS(".lesson-card a")))
	b.waitFor(t, "lesson shown under the prefix", `location.pathname.startsWith("/sub/lesson/") && !!document.querySelector(".page.lesson, .page.text-only")`)
	b.screenshot(t, "static-sub-path.png")
	// A lesson's "Edit ✎" leads to the copy's /play, which builds
	// nothing: it says so, shows the lesson's program in the editor, and
	// offers no Run.
	b.do(t, "open a lesson with code", chromedp.Navigate(site+"/lesson/race-to-exit"))
	b.waitFor(t, "wasm started on the lesson", `document.documentElement.dataset.lanesReady === "1"`)
	b.do(t, "click Edit", chromedp.Click(chromedp.CSS("figure.code a.edit")))
	b.waitLong(t, "/play says it builds nothing", `location.pathname === "/sub/play" && !!document.querySelector(".play-editor .cm-content") &&
		((document.querySelector(".play-off") || {}).textContent || "").includes("This copy of Lanes is a static site")`)
	if got := eval[string](t, b, "the editor's program", `document.querySelector(".play-editor .cm-content").innerText`); !strings.Contains(got, `fmt.Println("Exiting...")`) {
		t.Errorf("/play's editor shows %q, want race-to-exit's program", got)
	}
	if n := eval[int](t, b, "buttons", `document.querySelectorAll(".play-run, .play-share, .play-format, .explore-run, .play-message").length`); n != 0 {
		t.Errorf("the static copy's /play offers %d run, share, format or explore buttons (or an error), want none", n)
	}
	b.screenshot(t, "static-play.png")
	b.noConsoleErrors(t)
}
