//go:build e2e

package e2e

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startServer runs `lanes serve -addr 127.0.0.1:0 ARGS…` for the test and
// returns its URL; it is interrupted at the test's end.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	srv := exec.Command(lanesBin, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...)...)
	srv.Dir = root
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
		}
	})
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving on (http://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case u := <-addr:
		return u
	case <-time.After(2 * time.Minute):
		t.Fatal("lanes serve " + strings.Join(args, " ") + " did not start")
	}
	return ""
}

// TestPlaygroundDataOff: under `lanes serve -data off` /play is a page
// that says plainly that this server builds nothing, with no Run or Share
// button, in the browser as in the prerender; a shared program's page is
// a 404 that says why; the lessons still play.
func TestPlaygroundDataOff(t *testing.T) {
	site := startServer(t, "-data", "off")
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(site + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		desc, path string
		status     int
		want       string
	}{
		{desc: "the playground, prerendered", path: "/play", status: 200, want: "This site does not run programs"},
		{desc: "what the browser asks", path: "/play/status", status: 200, want: `"build":false`},
		{desc: "a shared program's page", path: "/p/abcdefghijkl", status: 404, want: "This site stores no shared programs"},
		{desc: "a build", path: "/play/build", status: 404, want: "does not build programs"},
	}
	for _, tt := range tests {
		if status, body := get(tt.path); status != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: GET %s = %d (want %d), has %q: %v", tt.desc, tt.path, status, tt.status, tt.want, strings.Contains(body, tt.want))
		}
	}

	b := newBrowser(t)
	open := func(path string, w, h int64, dark bool) {
		t.Helper()
		if dark {
			path += "?theme=dark"
		}
		b.do(t, "open "+path, chromedp.EmulateViewport(w, h), chromedp.Navigate(site+path))
		b.waitFor(t, "wasm mounted on "+path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
	}
	for _, v := range []struct {
		w, h int64
		dark bool
		name string
	}{{1280, 900, false, "play-off-1280.png"}, {390, 844, true, "play-off-390-dark.png"}} {
		open("/play", v.w, v.h, v.dark)
		b.waitFor(t, "the page says it builds nothing", `((document.querySelector(".play-off") || {}).textContent || "").includes("This site does not run programs")`)
		if n := eval[int](t, b, "buttons", `document.querySelectorAll(".play-run, .play-share, .play-format, .explore-run").length`); n != 0 {
			t.Errorf("/play at %d px under -data off has %d Run, Share, Format or explore buttons, want none", v.w, n)
		}
		if !eval[bool](t, b, "program shown", `document.body.textContent.includes("package main")`) {
			t.Errorf("/play at %d px under -data off does not show its program", v.w)
		}
		b.shot(t, v.name)
	}
	b.noConsoleErrors(t)

	for _, v := range []struct {
		path string
		w, h int64
		dark bool
		name string
	}{{"/p/abcdefghijkl", 1280, 900, false, "play-off-program-1280.png"}, {"/embed/p/abcdefghijkl", 700, 560, true, "play-off-embed-700-dark.png"}} {
		if v.dark {
			v.path += "?theme=dark"
		}
		b.do(t, "open "+v.path, chromedp.EmulateViewport(v.w, v.h), chromedp.Navigate(site+v.path))
		b.waitFor(t, "wasm mounted on "+v.path, `document.documentElement.dataset.lanesReady === "1" && !document.getElementById("app-wasm-loader")`)
		b.waitFor(t, "the page says why there is no program", `document.querySelector("h1") && document.querySelector("h1").textContent === "Program not found" && document.body.textContent.includes("This site stores no shared programs")`)
		b.shot(t, v.name)
	}

	lesson := firstLesson(t) // the shared server's lesson paths are the same
	open(lesson, 1280, 900, false)
	b.waitFor(t, "the lesson's timeline", `document.querySelector(".timeline svg .lanes-playhead") !== null`)
}
