//go:build e2e

package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTimings measures, on localhost with a cold cache (a new browser
// profile for every load), the first contentful paint (from the prerender)
// and the time until the wasm has mounted, in two settings:
//   - "running browser": the browser has shown a page (not from this
//     server, nothing cached) and has been running for settle, as when a
//     reader follows a link. For about a second after it starts, Chromium
//     is busy with its own start-up (it loads the omnibox's web UI, among
//     other things), which on 2 cores takes the CPU from the page;
//   - "browser just started": the lesson is the browser's first page, so
//     that start-up (its network service, a renderer, its web UI) is in the
//     numbers too.
//
// A third row is the floor: a one-paragraph HTML page, in a running
// browser, on the same machine at the same time.
//
// It asserts nothing about speed; `make bench` appends the numbers to
// BENCHMARKS.md through LANES_BENCH_OUT.
func TestTimings(t *testing.T) {
	lesson := firstLesson(t)
	tiny := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html lang=en><head><title>a page</title></head><body><p>One paragraph.</p></body></html>")
	}))
	defer tiny.Close()
	// The median of a few fresh browsers for `make bench`: one load on a
	// shared 2-core machine is noisy. `make test` loads each once: it only
	// checks that the measurement works.
	loads := 1
	if os.Getenv("LANES_BENCH_OUT") != "" {
		loads = 5
	}
	const settle = 2 * time.Second
	rows := []struct {
		desc      string
		url       string
		warm, app bool
		fcp       []float64
		ready     []float64
	}{
		{desc: fmt.Sprintf("lesson, browser running for %v", settle), url: baseURL + lesson, warm: true, app: true},
		{desc: "lesson, browser just started", url: baseURL + lesson, app: true},
		{desc: fmt.Sprintf("one-paragraph page, browser running for %v (the floor)", settle), url: tiny.URL, warm: true},
	}
	for i := 0; i < loads; i++ {
		for j := range rows {
			row := &rows[j]
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
				if row.app {
					b.waitFor(t, "wasm mounted", `document.documentElement.dataset.lanesReady === "1"`)
					row.ready = append(row.ready, eval[float64](t, b, "interactive", `+document.documentElement.dataset.lanesReadyAt`))
				}
			})
		}
	}
	var table strings.Builder
	for _, row := range rows {
		if len(row.fcp) < loads {
			t.Fatalf("%s: %d of %d loads measured", row.desc, len(row.fcp), loads)
		}
		t.Logf("%s, %d loads: first contentful paint %v ms, interactive %v ms", row.desc, loads, row.fcp, row.ready)
		ready := "–"
		if row.app {
			ready = fmt.Sprintf("%.0f", median(row.ready))
		}
		fmt.Fprintf(&table, "| %s | %.0f | %s |\n", row.desc, median(row.fcp), ready)
	}
	out := os.Getenv("LANES_BENCH_OUT")
	if out == "" {
		return
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintf(f, "## In headless Chromium (localhost, cold cache, %s, median of %d loads)\n\n", lesson, loads)
	fmt.Fprintf(f, "Targets: first contentful paint ≤ 200 ms (from the prerender), interactive ≤ 1500 ms.\n\n")
	fmt.Fprintf(f, "| page, browser | first contentful paint (ms) | interactive: wasm mounted (ms) |\n| --- | ---: | ---: |\n%s\n", table.String())
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
