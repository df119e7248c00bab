//go:build !wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"strconv"

	"runtime"

	lanesapp "lanes/app"
	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/internal/site"
	"lanes/sim/trace"
)

// The go-app half of the site: package lanes/internal/site never imports
// go-app, so the handler that prerenders lanes/app's pages, and the static
// generator, are configured here and handed to it.

// theCourse is the course the server prerenders; the browser build makes
// its own (browser.go), from the same registry.
var theCourse = registry.Course()

// noopWorker replaces go-app's cache-first service worker: it caches
// nothing, and removes the caches an older worker may have left, so nobody
// keeps a stale build.
const noopWorker = `// Lanes: no offline cache. Version {{.Version}}
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});
`

// appHandler is go-app's handler configured for Lanes. resources is nil for
// the live server (site.WebPaths: go-app names the /web/ files and never
// serves them; the site does) or a resolver for a static export.
func appHandler(w site.WasmFiles, resources app.ResourceResolver) *app.Handler {
	lanesapp.Routes(theCourse)
	if resources == nil {
		resources = site.WebPaths{}
	}
	return &app.Handler{
		Name:        "Lanes",
		ShortName:   "Lanes",
		Title:       "Lanes",
		Description: "Lanes shows what goroutines really do: Go code beside a replayable timeline of its goroutines.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-192.png",
			SVG:      "/web/icon.svg",
		},
		Styles:                  []string{"/web/lanes.css", "/web/code.css", "/web/course.css", "/web/phone.css", "/web/share.css", "/web/extras.css", "/web/play.css", "/web/game.css"},
		Scripts:                 []string{"/web/early.js"},
		BackgroundColor:         "#ffffff",
		ThemeColor:              "#2b6cb0",
		LoadingLabel:            "loading {progress}%",
		Version:                 w.Version,
		WasmContentLength:       wasmLength(w),
		WasmContentLengthHeader: site.WasmLengthHeader,
		ServiceWorkerTemplate:   noopWorker,
		Resources:               resources,
	}
}

// wasmLength is app.wasm's uncompressed size for go-app's loader, which
// counts the decoded bytes against it ("loading 42%"): fixed in app.js,
// so the bar is right on static hosts that send no length header or the
// compressed one. "" without a wasm: the header, as before.
func wasmLength(w site.WasmFiles) string {
	if w.Size() == 0 {
		return ""
	}
	return strconv.Itoa(w.Size())
}

// newSite is the site of `lanes serve`: at most runs new answers (and
// their simulations) at once and queue more waiting. By default runs is
// GOMAXPROCS-1 (at least 1): the simulator runs one program at a time in
// a process anyway (sim.Run), so more slots only add prerenders beside
// it, and one core stays free for the cached pages everyone else reads
// (BENCHMARKS.md, Load: with GOMAXPROCS slots on 2 cores, cached pages'
// p99 under a flood was 110-230 ms; with one, under 100 ms). queue
// defaults to twice runs.
func newSite(w site.WasmFiles, runs, queue int) *site.Site {
	if runs <= 0 {
		runs = max(1, runtime.GOMAXPROCS(0)-1)
	}
	if queue <= 0 {
		queue = 2 * runs
	}
	return &site.Site{Course: theCourse, Pages: appHandler(w, nil), Assets: webAssets, Wasm: w,
		Limits: course.Limits{Runs: runs, Queue: queue}}
}

// exportStatic writes the static site (lanes static).
func exportStatic(out, base, web, url string) error {
	return exportStaticPrograms(out, base, web, url, nil, nil, nil)
}

// exportStaticPrograms writes the static site with an author's programs
// (lanes static -programs DIR): /p/NAME and /embed/p/NAME, their modules
// built by build, prerendered with their stills (their first runs, as the
// server's /p/ID: stills by name, staticPrograms).
func exportStaticPrograms(out, base, web, url string, progs map[string]string, build site.ProgramModule, stills map[string]site.Still) error {
	if progs != nil {
		oldSource, oldStill := lanesapp.ProgramSource, lanesapp.ProgramStill
		lanesapp.ProgramSource = func(id string) (string, bool) { src, ok := progs[id]; return src, ok }
		lanesapp.ProgramStill = func(id string) (*trace.Trace, string, bool) {
			st, ok := stills[id]
			switch {
			case !ok:
				return nil, "", false
			case st.Trace == nil:
				return nil, st.Msg, true
			}
			tr, err := trace.Unmarshal(st.Trace)
			return tr, "", err == nil
		}
		defer func() { lanesapp.ProgramSource, lanesapp.ProgramStill = oldSource, oldStill }()
	}
	lanesapp.PlayStatic = true // its /play says that it builds nothing
	defer func() { lanesapp.PlayStatic = false }()
	return site.Export{Out: out, Base: base, Web: web, URL: url, Course: theCourse, Log: stderr, Generate: generate,
		Programs: progs, Build: build, Stills: stills}.Run()
}

// generate prerenders pages with go-app's static generator, the sharing
// snippets starting with siteURL.
func generate(dir string, w site.WasmFiles, base, siteURL string, pages []string) error {
	var res app.ResourceResolver
	if base != "/" {
		res = app.PrefixedLocation(base)
	}
	lanesapp.SetSiteURL(siteURL)
	defer lanesapp.SetSiteURL("")
	return app.GenerateStaticWebsite(dir, appHandler(w, res), pages...)
}
