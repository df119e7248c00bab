package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// traceEvent is one Chromium trace event (complete events, ph "X").
type traceEvent struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// traceLoad loads url in a browser running for 2 s with tracing on and
// prints, per process and thread, where the time went from the
// navigation to the first contentful paint.
func traceLoad(url string) error {
	ctx, done := browser()
	defer done()
	if err := chromedp.Do(ctx, chromedp.Navigate(`data:text/html,<p>a page</p>`)); err != nil {
		return err
	}
	time.Sleep(2 * time.Second)
	var (
		mu     sync.Mutex
		events []traceEvent
	)
	complete := make(chan struct{})
	fn := func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, raw := range e.Value {
				var te traceEvent
				if json.Unmarshal([]byte(raw), &te) == nil {
					events = append(events, te)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(complete)
		}
	}
	if err := chromedp.Listen(ctx, fn); err != nil {
		return err
	}
	cats := []string{"devtools.timeline", "blink", "loading", "v8", "toplevel", "disabled-by-default-devtools.timeline", "navigation", "benchmark", "renderer", "blink.user_timing", "v8.wasm", "disabled-by-default-v8.wasm"}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents, TraceConfig: &tracing.TraceConfig{IncludedCategories: cats}}); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	fcp, err := chromedp.Run(ctx, chromedp.Poll[float64](`(performance.getEntriesByName("first-contentful-paint")[0]||{}).startTime`, chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		return err
	}
	if os.Getenv("TRACE_READY") != "" {
		if _, err := chromedp.Run(ctx, chromedp.Poll[float64]("("+lessonReady+") || null", chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			return err
		}
	}
	time.Sleep(300 * time.Millisecond)
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return err
	}
	<-complete
	fmt.Printf("FCP %.0f ms, %d events\n", fcp, len(events))
	if b, err := json.Marshal(events); err == nil {
		os.WriteFile(os.Getenv("TRACE_OUT"), b, 0o644)
	}
	// navigation start: the first "navigationStart" mark, FCP: "firstContentfulPaint".
	var t0, tf float64
	for _, e := range events {
		if e.Name == "navigationStart" && t0 == 0 {
			t0 = e.Ts
		}
		if e.Name == "firstContentfulPaint" && tf == 0 {
			tf = e.Ts
		}
	}
	fmt.Printf("navigationStart→firstContentfulPaint %.1f ms\n", (tf-t0)/1000)
	// Print every complete event over 2 ms between t0 and tf, in order.
	sort.Slice(events, func(i, j int) bool { return events[i].Ts < events[j].Ts })
	for _, e := range events {
		if e.Ts < t0 || e.Ts > tf+5000 || e.Ph != "X" || e.Dur < 2000 {
			continue
		}
		fmt.Printf("%8.1f %7.1f  p%d t%d %s\n", (e.Ts-t0)/1000, e.Dur/1000, e.Pid, e.Tid, e.Name)
	}
	for _, e := range events {
		if e.Ts >= t0 && (e.Ph == "R" || e.Ph == "I" || e.Ph == "n" || e.Ph == "b" || e.Ph == "e") && e.Ts < tf+5000 {
			fmt.Printf("%8.1f  mark p%d t%d %s %s\n", (e.Ts-t0)/1000, e.Pid, e.Tid, e.Ph, e.Name)
		}
	}
	return nil
}
