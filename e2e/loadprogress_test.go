//go:build e2e

package e2e

import (
	"slices"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// emulateNetwork is DevTools' Network.emulateNetworkConditions (throttling
// every request), which this cdproto no longer lists but Chromium still
// answers.
var emulateNetwork = cdp.Command[netConditions, cdp.Empty]{Method: "Network.emulateNetworkConditions"}

type netConditions struct {
	Offline            bool    `json:"offline"`
	Latency            float64 `json:"latency"`            // ms
	DownloadThroughput float64 `json:"downloadThroughput"` // bytes/s
	UploadThroughput   float64 `json:"uploadThroughput"`   // bytes/s
}

// recordLoad keeps every value the loading bars take, with whether the
// app was ready then, in window.lanesLoadSeen (set before the page's own
// scripts run, so that no value is missed).
const recordLoad = `window.lanesLoadSeen = [];
new MutationObserver(ms => { for (const m of ms) {
	const el = m.target;
	if (el.nodeType === 1 && el.matches(".lanes-load") && m.attributeName === "aria-valuenow")
		window.lanesLoadSeen.push({v: +el.getAttribute("aria-valuenow"), ready: document.documentElement.dataset.lanesReady === "1"});
} }).observe(document, {subtree: true, attributes: true, attributeFilter: ["aria-valuenow"]});`

// TestLoadProgress: on a slow network (about 2 Mbit/s: the compressed
// wasm takes seconds) the loading bar in the controls follows the
// download, through values strictly between 0 and 100, before the app is
// ready; it ends at 100 and is gone once the app runs.
func TestLoadProgress(t *testing.T) {
	b := newBrowser(t)
	b.do(t, "viewport", chromedp.EmulateViewport(390, 844))
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordLoad}); err != nil {
		t.Fatalf("record the bar: %v", err)
	}
	if _, err := chromedp.Call(b.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("network: %v", err)
	}
	// 250 kB/s: the 1.3 MB compressed wasm takes about 5 s.
	if _, err := chromedp.Call(b.ctx, emulateNetwork, netConditions{Latency: 40, DownloadThroughput: 250_000, UploadThroughput: 250_000}); err != nil {
		t.Fatalf("throttle: %v", err)
	}
	b.do(t, "open", chromedp.Navigate(baseURL+"/lesson/counter"))
	b.waitFor(t, "ready", `document.documentElement.dataset.lanesReady === "1"`)
	type seen struct {
		V     float64
		Ready bool
	}
	got := eval[[]seen](t, b, "the bar's values", `window.lanesLoadSeen || []`)
	var before []float64
	for _, s := range got {
		if !s.Ready {
			before = append(before, s.V)
		}
	}
	t.Logf("values before ready: %v", before)
	if !slices.ContainsFunc(before, func(v float64) bool { return v > 0 && v < 100 }) {
		t.Errorf("the bar showed no value between 0 and 100 before the app was ready: %v", got)
	}
	if !slices.IsSorted(before) || len(before) == 0 || before[len(before)-1] != 100 {
		t.Errorf("the bar went through %v: want rising values ending at 100", before)
	}
	if eval[bool](t, b, "bar after ready", `document.querySelector(".lanes-load") !== null`) {
		t.Error("the progress bar is still there once the app is ready")
	}
	b.noConsoleErrors(t)
}
