package main

import (
	"encoding/json"
	"fmt"
	neturl "net/url"
	"os"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// profileLoad loads url (a lesson) in a browser running for 2 s with V8's
// sampling profiler on, from the navigation until the lesson is ready,
// and writes the profile (Chrome DevTools' .cpuprofile JSON, samples at
// 100 µs) to out, with the lesson's stages (ms from navigation) in
// out+".stages.json". Build the wasm without -s -w to see Go's function
// names.
func profileLoad(url, out string) error {
	ctx, done := browser()
	defer done()
	// A page of the same site first: the lesson then loads in the same
	// renderer, whose isolate the profiler samples.
	u, err := neturl.Parse(url)
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(u.Scheme+"://"+u.Host+"/robots.txt")); err != nil {
		return err
	}
	time.Sleep(2 * time.Second)
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
		return err
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[float64]("("+lessonReady+") || null", chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		return err
	}
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return err
	}
	prof := res.Profile
	st, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](stagesJS))
	if err != nil {
		return err
	}
	b, _ := json.Marshal(prof)
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	b, _ = json.Marshal(st)
	fmt.Printf("stages: %s\n", b)
	return os.WriteFile(out+".stages.json", b, 0o644)
}
