//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTimings measures, on localhost with a cold cache (a new browser
// profile for every load), the first contentful paint (from the prerender)
// and "interactive": the moment the app set data-lanes-ready, which it
// does once the page's own run is drawn, live and playable (issue 11: not
// when the app mounts, which comes before the run), in two settings:
//   - "running browser": the browser has shown a page (not from this
//     server, nothing cached) and has been running for settle, as when a
//     reader follows a link. For about a second after it starts, Chromium
//     is busy with its own start-up (it loads the omnibox's web UI, among
//     other things), which on 2 cores takes the CPU from the page;
//   - "browser just started": the lesson is the browser's first page, so
//     that start-up (its network service, a renderer, its web UI) is in the
//     numbers too.
//
// Beside them, the limits the lesson is held against (internal/budget),
// in a running browser, loaded in turn with the lesson so that the
// machine's load weighs on all alike: a one-paragraph page from the same
// server (web/floor.html), and, when `make bench` built it, go-app's hello
// world (internal/benchhello) until its component mounted.
//
// It asserts nothing about speed; `make bench` appends the numbers to
// BENCHMARKS.md through LANES_BENCH_OUT, the figures to
// LANES_BENCH_FIGURES, and where the lesson's first paint and start go
// (the browser's navigation and resource timings, and the app's
// performance marks).
func TestTimings(t *testing.T) {
	lesson := firstLesson(t)
	hello := startHello(t)
	// The median of a few fresh browsers for `make bench`: one load on a
	// shared 2-core machine is noisy. `make test` loads each once: it only
	// checks that the measurement works.
	loads := 1
	if os.Getenv("LANES_BENCH_OUT") != "" {
		loads = 5
	}
	const settle = 2 * time.Second
	type row struct {
		desc      string
		url       string
		warm      bool
		ready     string // the script whose number is "interactive"; "" for none
		fcp, done []float64
		parts     []map[string]float64 // where the time goes, per load (the lesson in a running browser)
	}
	lessonReady := `document.documentElement.dataset.lanesReady === "1" ? +document.documentElement.dataset.lanesReadyAt : 0`
	rows := []*row{
		{desc: fmt.Sprintf("lesson, browser running for %v", settle), url: baseURL + lesson, warm: true, ready: lessonReady},
		{desc: "lesson, browser just started", url: baseURL + lesson, ready: lessonReady},
		{desc: fmt.Sprintf("one-paragraph page from the same server (web/floor.html), browser running for %v", settle), url: baseURL + "/web/floor.html", warm: true},
	}
	if hello != "" {
		rows = append(rows, &row{desc: fmt.Sprintf("go-app hello world mounted (internal/benchhello), browser running for %v", settle), url: hello, warm: true,
			ready: `+(document.documentElement.dataset.helloMountedAt || 0)`})
	}
	for i := 0; i < loads; i++ {
		for _, row := range rows {
			t.Run(fmt.Sprintf("%s/load%d", row.desc, i+1), func(t *testing.T) { // its browser closes at its end
				b := newBrowser(t)
				if row.warm {
					b.do(t, "show a first page", chromedp.Navigate(`data:text/html,<p>a page</p>`))
					time.Sleep(settle)
				}
				b.do(t, "open "+row.url, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(row.url))
				b.waitFor(t, "first contentful paint", `performance.getEntriesByName("first-contentful-paint").length > 0`)
				row.fcp = append(row.fcp, eval[float64](t, b, "first contentful paint",
					`performance.getEntriesByName("first-contentful-paint")[0].startTime`))
				if row.ready != "" {
					b.waitFor(t, "interactive", "("+row.ready+") > 0")
					row.done = append(row.done, eval[float64](t, b, "interactive", row.ready))
				}
				if row == rows[0] {
					row.parts = append(row.parts, eval[map[string]float64](t, b, "where the time went", partsJS))
				}
			})
		}
	}
	var table strings.Builder
	for _, row := range rows {
		if len(row.fcp) < loads {
			t.Fatalf("%s: %d of %d loads measured", row.desc, len(row.fcp), loads)
		}
		t.Logf("%s, %d loads: first contentful paint %v ms, interactive %v ms", row.desc, loads, row.fcp, row.done)
		ready := "–"
		if row.ready != "" {
			ready = fmt.Sprintf("%.0f", median(row.done))
		}
		fmt.Fprintf(&table, "| %s | %.0f | %s |\n", row.desc, median(row.fcp), ready)
	}
	out := os.Getenv("LANES_BENCH_OUT")
	if out == "" {
		return
	}
	figures := map[string]float64{"fcp.lesson": median(rows[0].fcp), "ready.lesson": median(rows[0].done), "fcp.floor": median(rows[2].fcp)}
	if hello != "" {
		figures["ready.hello"] = median(rows[3].done)
	}
	appendFigures(t, figures)
	f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "## In headless Chromium (localhost, cold cache, %s, median of %d loads)\n\n", lesson, loads)
	fmt.Fprintf(f, "Interactive: the lesson's own timeline drawn by the app, live and playable (data-lanes-ready-at, set after OnNav has drawn the page's run; "+
		"issue 11), not the app's mount; for go-app's hello, its component's OnMount. The rows were loaded in turn, each in a fresh browser. "+
		"Budgets: see Budgets at the end.\n\n")
	fmt.Fprintf(f, "| page, browser | first contentful paint (ms) | interactive (ms) |\n| --- | ---: | ---: |\n%s\n", table.String())
	fmt.Fprintf(f, "Where the lesson's time goes (%s, medians; ms from the navigation's start unless said):\n\n| step | median |\n| --- | ---: |\n", rows[0].desc)
	for _, p := range parts {
		var v []float64
		for _, m := range rows[0].parts {
			v = append(v, m[p.key])
		}
		fmt.Fprintf(f, "| %s | %.0f |\n", p.desc, median(v))
	}
	fmt.Fprintln(f)
}

// parts are the steps partsJS measures, in order.
var parts = []struct{ key, desc string }{
	{"htmlBytes", "the page's HTML on the wire (bytes, brotli)"},
	{"htmlDecoded", "the page's HTML decoded (bytes)"},
	{"responseStart", "first byte of the HTML"},
	{"responseEnd", "last byte of the HTML"},
	{"fcp", "first contentful paint"},
	{"domContentLoaded", "DOMContentLoaded"},
	{"wasmStart", "app.wasm requested (preloaded from the head)"},
	{"wasmEnd", "app.wasm received (compiled once app.js runs, after the first paint)"},
	{"main", "Go's main runs (wasm compiled and instantiated: mark lanes-main)"},
	{"run", "its run simulated and laid out, before go-app's first render (OnInit: mark lanes-run)"},
	{"nav", "go-app has built and mounted the page; its OnNav begins (mark lanes-nav)"},
	{"ready", "interactive: its timeline drawn, live and playable (data-lanes-ready-at)"},
}

// partsJS reads where the page's time went.
const partsJS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const wasm = performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm"));
  const mark = n => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : -1; };
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return {
    htmlBytes: nav.encodedBodySize, htmlDecoded: nav.decodedBodySize,
    responseStart: nav.responseStart, responseEnd: nav.responseEnd,
    fcp: fcp ? fcp.startTime : -1, domContentLoaded: nav.domContentLoadedEventEnd,
    wasmStart: wasm ? wasm.startTime : -1, wasmEnd: wasm ? wasm.responseEnd : -1,
    main: mark("lanes-main"), nav: mark("lanes-nav"), run: mark("lanes-run"),
    ready: +document.documentElement.dataset.lanesReadyAt,
  };
})()`

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
