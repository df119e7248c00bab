// Command fcpharness compares pages' first contentful paint and
// "interactive" in one run: interleaved rounds, a fresh browser per load
// that has been running for 2 s (as e2e's TestTimings), medians.
//
// Usage: fcpharness -rounds 8 label=kind=url ... (kind: floor, lesson, hello)
//
//	fcpharness -fonts url   prints the platform fonts the page's text uses
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

type target struct {
	label, kind, url string
	fcp, ready, lcp  []float64
	stages           map[string][]float64 // a lesson's stages (stagesJS), by name
}

// stageNames are the lesson's stages stagesJS reads, in order (-stages
// prints their medians): where the time between the first paint and
// interactive went.
var stageNames = []string{"fcp", "scriptsStart", "appJsEnd", "wasmEnd", "boot", "main", "init", "nav", "run", "drawn", "measured", "ready", "fcp→main", "fcp→ready", "run→ready"}

// stagesJS reads a lesson's stages once it is ready (ms from navigation;
// -1: not seen).
const stagesJS = `(() => {
  const res = n => performance.getEntriesByType("resource").find(e => e.name.endsWith(n));
  const mark = n => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : -1; };
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const ex = res("/wasm_exec.js"), aj = res("/app.js"), w = res("/app.wasm");
  const s = {
    fcp: fcp ? fcp.startTime : -1, scriptsStart: ex ? ex.startTime : -1, appJsEnd: aj ? aj.responseEnd : -1,
    wasmEnd: w ? w.responseEnd : -1, boot: mark("lanes-boot"), main: mark("lanes-main"), init: mark("lanes-init"), nav: mark("lanes-nav"), run: mark("lanes-run"), drawn: mark("lanes-drawn"), measured: mark("lanes-measured"),
    ready: +document.documentElement.dataset.lanesReadyAt,
  };
  s["fcp→main"] = s.main - s.fcp; s["fcp→ready"] = s.ready - s.fcp; s["run→ready"] = s.ready - s.run;
  return s;
})()`

// lcpJS returns the page's largest contentful paint once a second has
// passed since its first call (null before): the paint of the largest
// element, so a page that paints in steps is seen whole.
const lcpJS = `(() => {
  if (!window.__lcp) {
    window.__lcp = [0]; window.__lcpT = performance.now();
    new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp.push(e.startTime) }).observe({type: "largest-contentful-paint", buffered: true});
    return null;
  }
  return performance.now() - window.__lcpT > 1000 ? Math.max(...window.__lcp) : null;
})()`

func browser() (context.Context, func()) {
	dir, _ := os.MkdirTemp("", "fcph-")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(dir),
	}
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, c2 := chromedp.NewContext(actx)
	return ctx, func() { c2(); c1(); os.RemoveAll(dir) }
}

const lessonReady = `document.documentElement.dataset.lanesReady === "1" ? +document.documentElement.dataset.lanesReadyAt : 0`
const helloReady = `+(document.documentElement.dataset.helloMountedAt || 0)`

// readyJS is the expression that gives a page's interactive time once it
// is ready (0 before), by kind; "" for kinds that are never interactive.
func readyJS(kind string) string {
	switch kind {
	case "lesson":
		return lessonReady
	case "hello":
		return helloReady
	}
	return ""
}

func load(t *target) error {
	ctx, done := browser()
	defer done()
	ctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(`data:text/html,<p>a page</p>`)); err != nil {
		return err
	}
	time.Sleep(2 * time.Second)
	if js := readyJS(t.kind); *warm && js != "" {
		// A visit before: the page loaded, ready, and left for 3 s (V8
		// writes its wasm code cache a while after a compile).
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(t.url)); err != nil {
			return err
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[float64]("("+js+") || null", chromedp.WithPollingTimeout(90*time.Second))); err != nil {
			return fmt.Errorf("first visit: %v", err)
		}
		time.Sleep(3 * time.Second)
		if err := chromedp.Do(ctx, chromedp.Navigate(`data:text/html,<p>a page</p>`)); err != nil {
			return err
		}
		time.Sleep(time.Second)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(t.url)); err != nil {
		return err
	}
	fcp, err := chromedp.Run(ctx, chromedp.Poll[float64](`(performance.getEntriesByName("first-contentful-paint")[0]||{}).startTime`, chromedp.WithPollingTimeout(90*time.Second)))
	if err != nil {
		return fmt.Errorf("fcp: %v", err)
	}
	t.fcp = append(t.fcp, fcp)
	if t.kind != "lesson" && t.kind != "hello" {
		lcp, err := chromedp.Run(ctx, chromedp.Poll[float64](lcpJS, chromedp.WithPollingTimeout(30*time.Second)))
		if err != nil {
			return fmt.Errorf("lcp: %v", err)
		}
		t.lcp = append(t.lcp, lcp)
	}
	if js := readyJS(t.kind); js != "" {
		r, err := chromedp.Run(ctx, chromedp.Poll[float64]("("+js+") || null", chromedp.WithPollingTimeout(90*time.Second)))
		if err != nil {
			return fmt.Errorf("ready: %v", err)
		}
		t.ready = append(t.ready, r)
		if t.kind == "lesson" {
			st, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](stagesJS))
			if err != nil {
				return fmt.Errorf("stages: %v", err)
			}
			if t.stages == nil {
				t.stages = map[string][]float64{}
			}
			for k, v := range st {
				t.stages[k] = append(t.stages[k], v)
			}
		}
	}
	return nil
}

var stages *bool

// warm, when set, measures a second visit: each load follows a first one
// of the same page in the same browser (its HTTP and code caches warm).
var warm = flag.Bool("warm", false, "measure a second visit to each page (the same browser loaded it once before)")

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

func fonts(url string) error {
	ctx, done := browser()
	defer done()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url)); err != nil {
		return err
	}
	time.Sleep(500 * time.Millisecond)
	if _, err := chromedp.Call(ctx, dom.Enable, dom.EnableParams{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, css.Enable, cdp.Empty{}); err != nil {
		return err
	}
	depth, pierce := int64(-1), true
	doc, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{Depth: &depth, Pierce: &pierce})
	if err != nil {
		return err
	}
	use := map[string]float64{}
	var walk func(n *cdp.Node)
	walk = func(n *cdp.Node) {
		if n.NodeType == 1 {
			hasText := false
			for _, c := range n.Children {
				if c.NodeType == 3 && strings.TrimSpace(c.NodeValue) != "" {
					hasText = true
				}
			}
			if hasText {
				r, err := chromedp.Call(ctx, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: n.NodeID})
				if err == nil {
					for _, f := range r.Fonts {
						use[f.PostScriptName] += f.GlyphCount
					}
				}
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(doc.Root)
	var names []string
	for k := range use {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("  %-40s %6.0f glyphs\n", k, use[k])
	}
	fmt.Printf("%d faces\n", len(names))
	return nil
}

func main() {
	rounds := flag.Int("rounds", 8, "interleaved rounds")
	fontURL := flag.String("fonts", "", "print the platform fonts of this page and exit")
	traceURL := flag.String("trace", "", "trace a load of this page and print where the time went")
	profileURL := flag.String("profile", "", "profile a load of this lesson with V8's sampler into PROFILE_OUT (default /tmp/lesson.cpuprofile)")
	stages = flag.Bool("stages", false, "print the medians of each lesson's stages (FCP, scripts, wasm, Go's main, OnNav, run, ready)")
	flag.Parse()
	if *traceURL != "" {
		if err := traceLoad(*traceURL); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *profileURL != "" {
		out := os.Getenv("PROFILE_OUT")
		if out == "" {
			out = "/tmp/lesson.cpuprofile"
		}
		if err := profileLoad(*profileURL, out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *fontURL != "" {
		if err := fonts(*fontURL); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	var ts []*target
	for _, a := range flag.Args() {
		p := strings.SplitN(a, "=", 3)
		ts = append(ts, &target{label: p[0], kind: p[1], url: p[2]})
	}
	for r := 0; r < *rounds; r++ {
		for _, t := range ts {
			if err := load(t); err != nil {
				fmt.Fprintf(os.Stderr, "%s round %d: %v\n", t.label, r, err)
			}
		}
		fmt.Fprintf(os.Stderr, "round %d:", r+1)
		for _, t := range ts {
			fmt.Fprintf(os.Stderr, " %s %.0f/%.0f", t.label, last(t.fcp), last(t.ready))
		}
		fmt.Fprintln(os.Stderr)
	}
	var floor, hello *target
	for _, t := range ts {
		if t.kind == "floor" && floor == nil {
			floor = t
		}
		if t.kind == "hello" && hello == nil {
			hello = t
		}
	}
	fmt.Printf("| page | FCP ms | ÷ floor | LCP ms | interactive ms | ÷ hello |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, t := range ts {
		f, rd := median(t.fcp), median(t.ready)
		rf, rh := "", ""
		if floor != nil {
			rf = fmt.Sprintf("%.2f", f/median(floor.fcp))
		}
		if hello != nil && t.kind != "floor" {
			rh = fmt.Sprintf("%.2f", rd/median(hello.ready))
		}
		fmt.Printf("| %s | %.0f | %s | %.0f | %.0f | %s |\n", t.label, f, rf, median(t.lcp), rd, rh)
	}
	if !*stages {
		return
	}
	fmt.Printf("\nlessons' stages, medians (ms from navigation): %s\n", strings.Join(stageNames, ", "))
	for _, t := range ts {
		if t.stages == nil {
			continue
		}
		fmt.Printf("%-10s", t.label)
		for _, n := range stageNames {
			fmt.Printf(" %6.0f", median(t.stages[n]))
		}
		fmt.Println()
	}
}

func last(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	return v[len(v)-1]
}
