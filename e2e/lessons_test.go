//go:build e2e

package e2e

import (
	"encoding/json"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// keyMarkers is what each variant's timeline must show, written from what
// each program does (not read back from its trace): "go:3" means at least
// three `go` markers in the lanes, "counter" a WaitGroup counter track,
// "inflight" the in-flight track, "cut"/"leak" a lane killed at exit or
// leaked, "exit" the program-exit line, "!cut" no lane killed at exit.
// Marker names are timeline's MarkKind values.
var keyMarkers = map[string][]string{
	"race-to-exit/nowait":        {"go:1", "cut:1", "exit", "print:1"},
	"race-to-exit/sleep":         {"go:1", "print:2", "!cut", "exit"},
	"race-to-exit/waitgroup":     {"go:1", "add:1", "done:1", "wait:1", "counter", "print:2", "!cut"},
	"counter/workers":            {"go:3", "add:3", "done:3", "wait:1", "counter", "print:7", "!cut"},
	"golden-rule/add-inside":     {"go:3", "wait:1", "counter", "cut:1", "print:1"},
	"golden-rule/add-before":     {"go:3", "add:3", "done:3", "wait:1", "counter", "print:4", "!cut"},
	"golden-rule/wg-go":          {"go:3", "wait:1", "counter", "print:4", "!cut"},
	"loop-trap/pre122":           {"go:3", "print:3"},
	"loop-trap/argument":         {"go:3", "print:3"},
	"loop-trap/go122":            {"go:3", "print:3"},
	"errgroup/withcontext":       {"go:2", "cancel:1"},
	"errgroup/plain":             {"go:2", "print:1"},
	"errgroup/limit":             {"go:2", "inflight"},
	"leaks/ticker":               {"go:1", "exit"},
	"leaks/context":              {"go:1", "cancel:1"},
	"leaks/blocked-send":         {"go:1", "leak:1"},
	"over-concurrency/unbounded": {"go:10", "inflight"},
	// The pool's workers start at one instant: their go markers merge.
	"over-concurrency/pool":         {"go:1", "inflight", "send:1", "recv:1", "close:1"},
	"over-concurrency/semaphore":    {"go:2", "inflight", "acquire:1", "release:1"},
	"over-concurrency/chansem":      {"go:2", "inflight"},
	"panics/crash":                  {"go:1", "panic:1"},
	"panics/recover":                {"go:1", "panic:1", "recover:1"},
	"panics/errgroup-panic":         {"go:1", "panic:1"},
	"misuse/forgotten-done":         {"go:1", "wait:1", "counter"},
	"misuse/extra-done":             {"done:1", "panic:1", "counter"},
	"misuse/reuse":                  {"wait:1", "counter"},
	"channels/unbuffered":           {"go:1", "send:1", "recv:1"},
	"channels/buffered":             {"go:1", "send:2", "recv:1"},
	"channels/close-range":          {"go:1", "send:1", "close:1"},
	"channels/select-timeout":       {"go:1", "exit"},
	"race-to-exit/sleep-work-150ms": {"go:1", "print:1", "cut:1"},
}

// markerCounts counts what the lesson page's timeline shows (lanes and
// tracks only: legend items carry no data-seq).
const markerCounts = `(() => {
	const s = document.querySelector(".timeline svg");
	if (!s) return "{}";
	const r = {};
	for (const k of ["go","add","done","wait","return","print","panic","recover","cancel","acquire","release","send","recv","close","select","timer"])
		r[k] = s.querySelectorAll(".m-" + k + "[data-seq]").length;
	// Markers too close to tell apart are counted in their band ("go:997 add:997").
	for (const m of s.querySelectorAll(".m-many[data-kinds]"))
		for (const kv of m.getAttribute("data-kinds").split(" ")) {
			const [k, n] = kv.split(":");
			if (k in r) r[k] += +n;
		}
	r.cut = s.querySelectorAll(".e-cut[data-seq]").length;
	r.leak = s.querySelectorAll(".e-leak[data-seq]").length;
	r.exit = s.querySelectorAll("line.exit").length;
	// A label's text without its <title> (the tooltip).
	const labels = [...s.querySelectorAll("text.lbl")].map(t => [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(""));
	r.counter = labels.filter(l => l.endsWith(" counter")).length;
	r.inflight = labels.filter(l => l.endsWith("in flight")).length;
	return JSON.stringify(r);
})()`

func checkMarkers(t *testing.T, b *browser, key string) {
	t.Helper()
	var got map[string]int
	if err := json.Unmarshal([]byte(eval[string](t, b, key+": markers", markerCounts)), &got); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	want, ok := keyMarkers[key]
	if !ok {
		t.Errorf("%s: no key markers listed for this variant (add it to keyMarkers)", key)
		return
	}
	for _, w := range want {
		name, n, _ := strings.Cut(w, ":")
		min := 1
		if n != "" {
			min, _ = strconv.Atoi(n)
		}
		if strings.HasPrefix(name, "!") {
			if got[name[1:]] > 0 {
				t.Errorf("%s: the timeline shows %d %s, want none", key, got[name[1:]], name[1:])
			}
			continue
		}
		if got[name] < min {
			t.Errorf("%s: the timeline shows %d %s, want at least %d (all: %v)", key, got[name], name, min, got)
		}
	}
}

// TestEveryLessonAndVariant loads every lesson in one browser, switches to
// each of its variants in the page (no reload), and checks the timeline's
// key markers and that nothing logged an error.
func TestEveryLessonAndVariant(t *testing.T) {
	_, gallery := fetch(t, "/")
	var lessons []string
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="/lesson/([a-z0-9-]+)"`).FindAllStringSubmatch(gallery, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			lessons = append(lessons, m[1])
		}
	}
	if len(lessons) < 10 {
		t.Fatalf("the gallery links to %d lessons, want the whole course", len(lessons))
	}
	b := newBrowser(t)
	visited := map[string]bool{}
	for _, slug := range lessons {
		b.open(t, "/lesson/"+slug, 1280)
		n := eval[int](t, b, slug+": variants", `document.querySelectorAll(".variant").length`)
		if eval[bool](t, b, slug+": text only", `document.querySelector(".timeline") === null`) {
			continue // the summary: text only
		}
		if n == 0 {
			n = 1
		}
		for i := 0; i < n; i++ {
			if n > 1 {
				b.do(t, slug+": variant", chromedp.Click(chromedp.CSS(`.variants .variant:nth-child(`+itoa(i+1)+`)`)))
				b.waitFor(t, slug+": variant selected", `document.querySelector(".variants .variant:nth-child(`+itoa(i+1)+`)").classList.contains("selected")`)
			}
			variant := eval[string](t, b, slug+": variant name", `new URLSearchParams(location.search).get("variant") || ""`)
			key := slug + "/" + variant
			if variant == "" {
				key = defaultVariant(slug)
			}
			visited[key] = true
			b.waitFor(t, key+": timeline drawn", `document.querySelector(".timeline svg .lanes-playhead") !== null`)
			checkMarkers(t, b, key)
		}
	}
	var missing []string
	for k := range keyMarkers {
		if !visited[k] && !strings.Contains(k, "-work-") {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("variants listed but never reached through the pages: %v", missing)
	}
	b.noConsoleErrors(t)
}

// defaultVariant is each lesson's first variant (the link to it carries no
// variant parameter).
func defaultVariant(slug string) string {
	for _, k := range []string{"race-to-exit/nowait", "counter/workers", "golden-rule/add-inside", "loop-trap/pre122",
		"errgroup/withcontext", "leaks/ticker", "over-concurrency/unbounded", "panics/crash", "misuse/forgotten-done",
		"channels/unbuffered"} {
		if strings.HasPrefix(k, slug+"/") {
			return k
		}
	}
	return slug + "/?"
}
