//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPlaybackFrameRate plays the largest lesson (1,000 goroutines) and
// counts animation frames in the page for two seconds. It asserts only that
// frames were drawn; `make bench` writes the rate to BENCHMARKS.md.
func TestPlaybackFrameRate(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "/lesson/over-concurrency?variant=unbounded&t=0", 1280)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	// The same count with nothing playing: what this browser gives an idle
	// page (headless, no GPU, a loaded machine), the ceiling of the figure.
	idle, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](countFrames, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("counting idle frames: %v", err)
	}
	b.do(t, "press play", chromedp.Click(chromedp.CSS(".ctl.play")))
	// go-app starts playing after the click's handler: count from then, or
	// the first frames counted are the idle page's.
	b.waitFor(t, "playing", `document.querySelector(".ctl.play").textContent.includes("Pause") || !document.querySelector(".pos").textContent.startsWith("0/")`)
	stats, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](countFrames, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("counting frames: %v", err)
	}
	fps, long := stats[0], stats[1]
	t.Logf("playing the 1,000-goroutine lesson: %.0f frames/s, %.0f frames longer than 34 ms (idle page: %.0f frames/s)", fps, long, idle[0])
	if fps <= 0 {
		t.Errorf("no animation frames while playing")
	}
	if out := os.Getenv("LANES_BENCH_OUT"); out != "" {
		f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fmt.Fprintf(f, "## Playback in headless Chromium (over-concurrency/unbounded: 1,000 goroutines)\n\n| frames per second | frames over 34 ms in 2 s | the idle page | target |\n| ---: | ---: | ---: | ---: |\n| %.0f | %.0f | %.0f | 60 fps |\n\n", fps, long, idle[0])
	}
}

// countFrames counts animation frames for two seconds: [frames per
// second, frames longer than 34 ms].
const countFrames = `new Promise(done => {
		const times = [];
		const start = performance.now();
		function tick(now) {
			times.push(now);
			if (now - start < 2000) { requestAnimationFrame(tick); return; }
			let long = 0;
			for (let i = 1; i < times.length; i++) if (times[i] - times[i-1] > 34) long++;
			done([times.length / ((now - start) / 1000), long]);
		}
		requestAnimationFrame(tick);
	})`
