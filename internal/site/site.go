// Package site is Lanes' HTTP site and its static export, without the
// go-app half: the pages come prerendered from an http.Handler it is given
// (go-app's, configured in package main), and everything around them is
// here. It never imports go-app or syscall/js.
//
// The routes of `lanes serve` (Site.Handler):
//
//	/ /lesson/SLUG /embed/SLUG   pages, prerendered by Pages; unknown paths 404
//	/web/app.wasm                the wasm, brotli or gzip as the client accepts (WasmFiles)
//	/oembed?url=…                oEmbed for a lesson or embed page (oembed.go)
//	/svg/SLUG.svg?VIEW           the picture of a view (course.Course.Picture)
//	/web/… /app.js …             go-app's files and the static assets, from Pages
//
// Every page is edited after go-app renders it (editPage): stylesheets
// inlined, go-app's scripts started after the first paint, Open Graph
// addresses with the site's origin, and the oEmbed discovery link on lesson
// and embed pages.
//
// The origin. A request's origin (scheme, host: Origin, which honours
// X-Forwarded-Proto) is computed once per request and used for everything
// that names the site: oEmbed answers, og:url, the discovery link, and the
// prerendered sharing snippets, to which it is handed with the page's URL
// (course.PrerenderURL; go-app's own page URL always says http).
package site

import (
	"bytes"
	"io/fs"
	"net/http"
	"strconv"
	"strings"

	"lanes/course"
)

// Site is the HTTP side of Lanes.
type Site struct {
	Course *course.Course
	// Pages prerenders the pages (go-app's handler) and serves go-app's
	// own files (/app.js, /wasm_exec.js, /web/…).
	Pages http.Handler
	// CSS holds the site's stylesheets as web/NAME.css; they are inlined
	// into every page.
	CSS  fs.FS
	Wasm WasmFiles
}

// Handler returns the whole HTTP handler of `lanes serve`.
func (s *Site) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, p := range []string{"/web/app.wasm", "/app.wasm", "/goapp.wasm"} {
		mux.Handle(p, s.Wasm)
	}
	mux.HandleFunc("/oembed", s.serveOEmbed)
	mux.HandleFunc("/svg/", s.serveSVG)
	mux.Handle("/", s.pageStatus(s.withPageEdits()))
	return secure(methods(mux))
}

// editPage makes the edits every page go-app renders gets, from the
// server and in the static export alike: every stylesheet css can read
// inlined (inlineStylesheets), go-app's scripts started after the first
// paint (bootAfterPaint), Open Graph addresses with origin (fixOpenGraph).
func editPage(page []byte, css func(href string) ([]byte, bool), origin string) []byte {
	return fixOpenGraph(bootAfterPaint(inlineStylesheets(page, css)), origin)
}

// withPageEdits serves Pages's pages, prerendered for the request's origin
// (course.PrerenderURL), with editPage's edits (stylesheets from pageCSS)
// and, on lesson and embed pages, the oEmbed discovery link (see
// discovery). go-app's own files pass through.
func (s *Site) withPageEdits() http.Handler {
	css := s.pageCSS()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if goappFiles[r.URL.Path] || strings.HasPrefix(r.URL.Path, "/web/") {
			s.Pages.ServeHTTP(w, r)
			return
		}
		origin := Origin(r)
		r2 := r.Clone(r.Context())
		u := *r.URL
		u.Host = r.Host
		r2.URL = course.PrerenderURL(u, origin)
		bw := &bufWriter{header: http.Header{}}
		s.Pages.ServeHTTP(bw, r2)
		body := bw.buf.Bytes()
		if strings.HasPrefix(bw.header.Get("Content-Type"), "text/html") {
			body = editPage(body, css, origin)
			link := s.discovery(r, origin)
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

// pageStatus answers 404 for a path course.Course.PageExists rejects
// (go-app answers 200 for every routed page, and the app routes every path
// to show a readable "not found" page) and fixes go-app's charset-less
// types.
func (s *Site) pageStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		status := http.StatusOK
		if p := r.URL.Path; !strings.HasPrefix(p, "/web/") && !goappFiles[p] && !s.Course.PageExists(p) {
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
