//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"slices"
	"testing"
)

// TestTimings measures, in a fresh (cold-cache) Chromium on localhost, the
// first contentful paint (from the prerender) and the time until the wasm
// has mounted. It asserts nothing about speed; `make bench` appends the
// numbers to BENCHMARKS.md through LANES_BENCH_OUT.
func TestTimings(t *testing.T) {
	lesson := firstLesson(t)
	// The median of a few fresh browsers (each a cold cache): one load on
	// a shared 2-core machine is noisy.
	const loads = 5
	var fcps, readies []float64
	for i := 0; i < loads; i++ {
		t.Run(fmt.Sprint("load", i+1), func(t *testing.T) { // its browser closes at its end
			b := newBrowser(t)
			b.open(t, lesson, 1280)
			fcps = append(fcps, eval[float64](t, b, "first contentful paint",
				`(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`))
			readies = append(readies, eval[float64](t, b, "interactive", `+document.documentElement.dataset.lanesReadyAt`))
		})
	}
	if len(fcps) < loads {
		t.Fatalf("%d of %d loads measured", len(fcps), loads)
	}
	t.Logf("cold cache, localhost, %d loads: first contentful paint %v ms, interactive %v ms", loads, fcps, readies)
	fcp, ready := median(fcps), median(readies)
	t.Logf("medians: first contentful paint %.0f ms, interactive %.0f ms", fcp, ready)
	if fcp <= 0 || ready <= 0 {
		t.Errorf("timings missing: fcp %.0f, ready %.0f", fcp, ready)
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
	fmt.Fprintf(f, "## In headless Chromium (localhost, cold cache, %s, median of %d loads)\n\n| measure | ms | target |\n| --- | ---: | ---: |\n", lesson, loads)
	fmt.Fprintf(f, "| first contentful paint (prerender) | %.0f | ≤ 200 |\n", fcp)
	fmt.Fprintf(f, "| interactive (wasm mounted) | %.0f | ≤ 1500 |\n\n", ready)
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
