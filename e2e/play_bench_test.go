//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPlayBench measures /play in Chromium (issue 15), with the 3-worker
// program (workersProgram) whose module the server has built once:
//   - run to timeline: from clicking Run on /play (the module cached on
//     the server: its build is a cache hit) to the next animation frame
//     after the page drew the run's timeline (the app counts the runs it
//     drew in data-lanes-runs). The worker that ran the program before
//     runs it again (web/play.js keeps it with its module);
//   - the 1,000-schedule explore in the worker: lanesPlay.explore with
//     1,000 random schedules, from the call to its report (the build
//     request, a new worker, the module's load and the explore), and the
//     explore alone in a worker of its own that has loaded the module;
//   - the module's size: the bytes the server sends (brotli) and decoded.
//
// It asserts only that each measurement was made; `make bench` writes
// the figures (medians of 3) to BENCHMARKS.md through LANES_BENCH_OUT.
func TestPlayBench(t *testing.T) {
	rounds := 1
	if os.Getenv("LANES_BENCH_OUT") != "" {
		rounds = 3
	}
	b := newBrowser(t)
	b.openSized(t, "/play", 1280, 900)
	b.waitLong(t, "the editor is there", `document.querySelector(".play-editor .cm-content") !== null`)
	b.waitLong(t, "the default program ran", defaultRan)
	b.setProgram(t, workersProgram)
	// Wait for this run's own drawing (lanesRuns counts them): the default
	// program's timeline is drawn already, and a Run clicked while the
	// build is still going stops it (the button is Stop then).
	before := eval[int](t, b, "runs drawn", `+(document.documentElement.dataset.lanesRuns || 0)`)
	b.do(t, "run (builds the module, unless cached)", chromedp.Click(chromedp.CSS(".play-run")))
	b.waitLong(t, "built and ran", timelineDrawn+` && +(document.documentElement.dataset.lanesRuns || 0) > `+itoa(before)+` && document.querySelector(".scrub").max > 10`)

	var run, exploreAll, exploreAlone, load []float64
	var runs float64 // the schedules the explore's report counts
	for i := 0; i < rounds; i++ {
		run = append(run, evalAwait[float64](t, b, "run to timeline", runToTimelineJS))
		var ex struct{ All, Load, Alone, Runs float64 }
		raw := evalAwait[string](t, b, "explore 1,000 schedules", exploreJS(workersProgram))
		if err := json.Unmarshal([]byte(raw), &ex); err != nil || ex.Runs <= 0 {
			t.Fatalf("explore: %s (%v): want a report with its runs", raw, err)
		}
		runs = ex.Runs
		exploreAll, load, exploreAlone = append(exploreAll, ex.All), append(load, ex.Load), append(exploreAlone, ex.Alone)
	}
	key := evalAwait[string](t, b, "the module's key", `fetch("/play/build", {method: "POST", body: `+jsString(workersProgram)+`}).then(r => r.json()).then(b => b.key)`)
	br, raw := moduleSize(t, key, "br"), moduleSize(t, key, "")
	t.Logf("run to timeline %v ms; explore of 1,000: %v ms (load %v, explore alone %v); module %d bytes brotli, %d decoded",
		run, exploreAll, load, exploreAlone, br, raw)
	b.noConsoleErrors(t)

	out := os.Getenv("LANES_BENCH_OUT")
	if out == "" {
		return
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	load1, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(f, "## /play in headless Chromium (the 3-worker program, median of %d)\n\n", rounds)
	fmt.Fprintf(f, "Load average at the end: %s.\n\n", strings.Join(strings.Fields(string(load1))[:min(3, len(strings.Fields(string(load1))))], " "))
	fmt.Fprintf(f, "| measurement | |\n| --- | ---: |\n")
	fmt.Fprintf(f, "| the program module as served (brotli) | %d bytes (%.2f MB) |\n", br, float64(br)/1e6)
	fmt.Fprintf(f, "| the program module decoded | %d bytes (%.2f MB) |\n", raw, float64(raw)/1e6)
	fmt.Fprintf(f, "| run to timeline: Run clicked on /play, the module cached, to its timeline drawn | %.0f ms |\n", median(run))
	fmt.Fprintf(f, "| explore 1,000 random schedules in the worker (%.0f distinct): from lanesPlay.explore to its report | %.0f ms |\n", runs, median(exploreAll))
	fmt.Fprintf(f, "| measured apart: a new worker loads the module (fetch from the browser's cache, compile, instantiate) | %.0f ms |\n", median(load))
	fmt.Fprintf(f, "| the explore alone, in a worker that has loaded the module | %.0f ms |\n\n", median(exploreAlone))
	f.WriteString("Run of an unchanged program goes to the worker that ran it (web/play.js keeps an idle worker with its module): " +
		"the run-to-timeline time holds the build request (a cache hit), the run in the worker, and the page's layout and drawing " +
		"of the trace. An explore starts a worker of its own, which loads the module. " +
		"The first build and a cached one on the server are in \"/play builds\" above.\n\n")
}

// runToTimelineJS clicks Run and resolves with the milliseconds until the
// first animation frame after the page drew the run (data-lanes-runs).
const runToTimelineJS = `new Promise((done, fail) => {
	const ds = document.documentElement.dataset;
	const before = +(ds.lanesRuns || 0);
	const t0 = performance.now();
	document.querySelector(".play-run").click();
	const tick = () => {
		if (+(ds.lanesRuns || 0) > before) { done(performance.now() - t0); return; }
		if (performance.now() - t0 > 120000) { fail(new Error("no run drawn in 2 min")); return; }
		requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
})`

// exploreJS explores src with 1,000 random schedules through lanesPlay
// (as the page's explorer does: build request, worker, load, explore),
// then again in a worker of its own, timing the load and the explore
// apart; it resolves with JSON {All, Load, Alone, Runs}.
func exploreJS(src string) string {
	return `new Promise((done, fail) => {
	const src = ` + jsString(src) + `;
	const req = {runs: 1000, strategy: "random", chunk: 20};
	const t0 = performance.now();
	lanesPlay.explore(src, req, async (kind, text) => {
		if (kind === "error") { fail(new Error(text)); return; }
		if (kind !== "report") return;
		const all = performance.now() - t0;
		const runs = JSON.parse(text).runs;
		const b = await (await fetch("/play/build", {method: "POST", body: src})).json();
		const w = new Worker("/web/progworker.js");
		const ask = (msg) => new Promise((ok, ko) => {
			w.onmessage = (e) => { if (e.data.op === "progress") return; e.data.error !== undefined ? ko(new Error(e.data.error)) : ok(e.data); };
			w.postMessage(msg);
		});
		try {
			const t1 = performance.now();
			await ask({id: 1, op: "load", url: b.url, wasmExec: "/wasm_exec.js"});
			const t2 = performance.now();
			await ask({id: 2, op: "explore", request: req});
			const t3 = performance.now();
			w.terminate();
			done(JSON.stringify({All: all, Load: t2 - t1, Alone: t3 - t2, Runs: runs}));
		} catch (e) { w.terminate(); fail(e); }
	}, "");
})`
}

// evalAwait evaluates a promise in the page (up to buildWait).
func evalAwait[T any](t *testing.T, b *browser, step, js string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, buildWait)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

// moduleSize is the size of the module key as the server sends it with
// Accept-Encoding coding ("" for none).
func moduleSize(t *testing.T, key, coding string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, baseURL+"/play/module/"+key+".wasm", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", coding) // set by hand: the client leaves the body as sent
	if coding == "" {
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if got := resp.Header.Get("Content-Encoding"); err != nil || resp.StatusCode != 200 || got != coding {
		t.Fatalf("GET the module (%q): %d %q %v", coding, resp.StatusCode, resp.Header.Get("Content-Encoding"), err)
	}
	return int(n)
}
