package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
)

// bootJS starts go-app (wasm_exec.js, then app.js: the service worker and
// the wasm's download and compile) once the prerendered page has painted
// and is parsed, instead of at the end of parsing. On a 2-core machine the
// wasm's download, decompression and compile otherwise run while the first
// frame is laid out and rastered, and the first contentful paint waits for
// them (BENCHMARKS.md: about 40 ms later with go-app's deferred scripts).
// Compiling the wasm from the head instead (WebAssembly.compileStreaming
// on the preloaded response, app.js instantiating that module) was
// measured and not kept: interactive came ~90 ms earlier and the first
// paint ~80 ms later, the compile's work competing with the first frame's
// raster (BENCHMARKS.md, "fifth pass").
//
// It reads the scripts from its own data-src attribute, in order, so its
// text is a constant and CSP allows it by hash (bootHash). Without paint
// timing it starts after the first frame; the load event is a backstop for
// a page that never paints content (a tab opened in the background).
const bootJS = `(function () {
  var me = document.currentScript, started = false;
  function start() {
    if (started) return;
    if (document.readyState === "loading") { addEventListener("DOMContentLoaded", start); return; }
    started = true;
    performance.mark("lanes-boot");
    me.getAttribute("data-src").split(" ").forEach(function (src) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      document.head.appendChild(s);
    });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.indexOf("paint") >= 0) {
    new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) start();
    }).observe({ type: "paint", buffered: true });
  } else {
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  addEventListener("load", function () { setTimeout(start, 500); });
})();`

// bootHash is bootJS's CSP source expression.
var bootHash = func() string {
	sum := sha256.Sum256([]byte(bootJS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

// deferredScript matches go-app's <script defer src="…"></script> tags,
// whatever the attribute order.
var deferredScript = regexp.MustCompile(`<script (?:defer src="([^"]*)"|src="([^"]*)" defer)></script>\s*`)

// bootAfterPaint replaces the deferred scripts in the head of page with
// one inline bootJS that loads them, in the same order, after the first
// contentful paint, and asks for the wasm and the scripts at once
// (wasmPreload, scriptPreloads). A page without them is returned unchanged.
func bootAfterPaint(page []byte) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	var srcs []string
	head := deferredScript.ReplaceAllFunc(page[:end], func(tag []byte) []byte {
		m := deferredScript.FindSubmatch(tag)
		src := html.UnescapeString(string(m[1]) + string(m[2]))
		srcs = append(srcs, strings.ReplaceAll(src, " ", "%20"))
		return nil
	})
	if len(srcs) == 0 {
		return page
	}
	tag := wasmPreload(srcs) + scriptPreloads(srcs) + `<script data-src="` + esc(strings.Join(srcs, " ")) + `">` + bootJS + "</script>\n"
	out := make([]byte, 0, len(page)+len(tag))
	out = append(append(append(out, head...), tag...), page[end:]...)
	return out
}

// wasmPreload is a preload of the wasm go-app's app.js (among srcs) will
// fetch, prefix + /web/app.wasm beside prefix + /app.js, or "" without
// app.js. The download (and its brotli decoding, in the network process)
// then runs while the page is parsed and painted instead of after the
// first paint, when bootJS starts app.js (issue 17: the wasm was requested
// ~230 ms in, received ~120 ms later). crossorigin makes it a CORS request
// with same-origin credentials, as app.js's fetch() is: only then does
// the fetch reuse the preloaded response.
func wasmPreload(srcs []string) string {
	for _, src := range srcs {
		if prefix, ok := strings.CutSuffix(src, "/app.js"); ok {
			return `<link rel="preload" href="` + esc(prefix+"/web/app.wasm") + `" as="fetch" crossorigin>` + "\n"
		}
	}
	return ""
}

// scriptPreloads are preloads of the scripts bootJS inserts after the
// first paint (go-app's wasm_exec.js and app.js, a few KB): fetched while
// the page is parsed and painted, they run as soon as bootJS inserts them
// instead of a request's round trip later (issue 17: requested after the
// first paint, app.js ran ~30 ms after it on loopback, more on a network).
// No crossorigin: bootJS's script elements fetch without CORS, as these.
func scriptPreloads(srcs []string) string {
	var b strings.Builder
	for _, src := range srcs {
		b.WriteString(`<link rel="preload" href="` + esc(src) + `" as="script">` + "\n")
	}
	return b.String()
}
