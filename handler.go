//go:build !wasm

package main

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	lanesapp "lanes/app"
)

// wasmLengthHeader carries the uncompressed size of app.wasm, so go-app's
// progress bar is right when the wasm is sent compressed.
const wasmLengthHeader = "X-Wasm-Content-Length"

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
// the live server (files from ./web) or a resolver for a static export.
func appHandler(version string, resources app.ResourceResolver) *app.Handler {
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
		Styles:                  []string{"/web/lanes.css", "/web/share.css", "/web/extras.css"},
		BackgroundColor:         "#ffffff",
		ThemeColor:              "#2b6cb0",
		LoadingLabel:            "loading {progress}%",
		Version:                 version,
		WasmContentLengthHeader: wasmLengthHeader,
		ServiceWorkerTemplate:   noopWorker,
		Resources:               resources,
	}
}

// newHandler returns the whole HTTP handler of `lanes serve`.
func newHandler(w wasmFiles) http.Handler {
	goapp := appHandler(w.version, nil)
	mux := http.NewServeMux()
	for _, p := range []string{"/web/app.wasm", "/app.wasm", "/goapp.wasm"} {
		mux.Handle(p, w)
	}
	mux.HandleFunc("/oembed", serveOEmbed)
	mux.HandleFunc("/svg/", serveSVG)
	mux.Handle("/", pageStatus(withPageEdits(goapp)))
	return secure(methods(mux))
}

// editPage makes the edits every page go-app renders gets, from the
// server and in the static export alike: every stylesheet css can read
// inlined (inlineStylesheets), go-app's scripts started after the first
// paint (bootAfterPaint), Open Graph addresses with origin (fixOpenGraph).
func editPage(page []byte, css func(href string) ([]byte, bool), origin string) []byte {
	return fixOpenGraph(bootAfterPaint(inlineStylesheets(page, css)), origin)
}

// withPageEdits serves goapp's pages with editPage's edits (stylesheets
// from pageCSS, this server's origin) and, on lesson and embed pages, the
// oEmbed discovery link (see discovery). go-app's own files pass through.
func withPageEdits(goapp http.Handler) http.Handler {
	css := pageCSS(goapp)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if goappFiles[r.URL.Path] || strings.HasPrefix(r.URL.Path, "/web/") {
			goapp.ServeHTTP(w, r)
			return
		}
		link, r2 := discovery(r)
		bw := &bufWriter{header: http.Header{}}
		goapp.ServeHTTP(bw, r2)
		body := bw.buf.Bytes()
		if strings.HasPrefix(bw.header.Get("Content-Type"), "text/html") {
			body = editPage(body, css, requestSite(r))
			if i := bytes.Index(body, []byte("</head>")); i >= 0 && link != "" {
				body = append(body[:i:i], append([]byte(link+"\n"), body[i:]...)...)
			}
		}
		for k, vs := range bw.header {
			w.Header()[k] = vs
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(bw.status())
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// methods answers only GET and HEAD.
func methods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// csp is the Content-Security-Policy of every response; frameAncestors says
// who may frame the page.
func csp(frameAncestors string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' " + bootHash + "; " +
		"style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
		"connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
		"object-src 'none'; base-uri 'self'; form-action 'self'; " +
		"frame-ancestors " + frameAncestors
}

// secure sets the security headers. Only /embed/ pages may be framed by
// anyone; everything else only by this origin.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		if strings.HasPrefix(r.URL.Path, "/embed/") {
			h.Set("Content-Security-Policy", csp("*"))
		} else {
			h.Set("Content-Security-Policy", csp("'self'"))
			h.Set("X-Frame-Options", "SAMEORIGIN")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// goappFiles are the paths go-app serves itself (not pages).
var goappFiles = map[string]bool{
	"/app.js": true, "/goapp.js": true, "/wasm_exec.js": true, "/app-worker.js": true,
	"/manifest.webmanifest": true, "/manifest.json": true, "/app.css": true,
	"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true,
}

// pageStatus answers 404 for a path lanesapp.PageExists rejects (go-app
// answers 200 for every routed page, and the app routes every path to show
// a readable "not found" page) and fixes go-app's charset-less types.
func pageStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status := http.StatusOK
		if p := r.URL.Path; !strings.HasPrefix(p, "/web/") && !goappFiles[p] && !lanesapp.PageExists(p) {
			status = http.StatusNotFound
		}
		next.ServeHTTP(&fixWriter{ResponseWriter: w, status: status}, r)
	})
}

// fixWriter turns an implicit 200 into status and adds charsets.
type fixWriter struct {
	http.ResponseWriter
	status  int
	written bool
}

func (f *fixWriter) WriteHeader(code int) {
	if f.written {
		return
	}
	f.written = true
	h := f.Header()
	switch h.Get("Content-Type") {
	case "text/html":
		h.Set("Content-Type", "text/html; charset=utf-8")
	case "application/javascript":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
	case "text/css":
		h.Set("Content-Type", "text/css; charset=utf-8")
	}
	if code == http.StatusOK && f.status != http.StatusOK {
		code = f.status
		h.Del("ETag") // an error page is not the app's cacheable version
	}
	f.ResponseWriter.WriteHeader(code)
}

func (f *fixWriter) Write(b []byte) (int, error) {
	if !f.written {
		f.WriteHeader(http.StatusOK)
	}
	return f.ResponseWriter.Write(b)
}

// ServeHTTP serves app.wasm, compressed as the client accepts.
func (wf wasmFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if wf.raw == nil {
		http.Error(w, "web/app.wasm is missing: run `make wasm`", http.StatusNotFound)
		return
	}
	etag := `"` + wf.version + `"`
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := wf.raw
	switch negotiate(r.Header.Get("Accept-Encoding"), wf.br != nil, wf.gz != nil) {
	case "br":
		h.Set("Content-Encoding", "br")
		body = wf.br
	case "gzip":
		h.Set("Content-Encoding", "gzip")
		body = wf.gz
	}
	h.Set("Content-Type", "application/wasm")
	h.Set(wasmLengthHeader, strconv.Itoa(len(wf.raw)))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// negotiate picks the content coding for an Accept-Encoding header: br if
// acceptable and available, else gzip, else "" (identity). A q of 0 refuses
// a coding; "*" stands for any coding not named.
func negotiate(accept string, haveBr, haveGzip bool) string {
	q := map[string]float64{}
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		v := 1.0
		for _, p := range strings.Split(params, ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				v = f
			}
		}
		q[name] = v
	}
	ok := func(c string) float64 {
		if v, named := q[c]; named {
			return v
		}
		if c == "gzip" {
			if v, named := q["x-gzip"]; named {
				return v
			}
		}
		return q["*"]
	}
	best, bestQ := "", 0.0
	if haveBr && ok("br") > bestQ {
		best, bestQ = "br", ok("br")
	}
	if haveGzip && ok("gzip") > bestQ {
		best = "gzip"
	}
	return best
}
