// Package site is Lanes' HTTP site and its static export, without the
// go-app half: the pages come prerendered from an http.Handler it is given
// (go-app's, configured in package main), and everything around them is
// here. It never imports go-app or syscall/js.
//
// The routes of `lanes serve` (Site.Handler):
//
//	/ /lesson/SLUG /embed/SLUG   pages, prerendered by Pages; unknown paths 404
//	/web/app.wasm                the wasm, brotli or gzip as the client accepts (WasmFiles)
//	/oembed?url=…                oEmbed for a lesson, embed or program page (oembed.go)
//	/svg/SLUG.svg?VIEW           the picture of a view (course.Course.Picture)
//	/svg/p/ID.svg?VIEW           the picture of a program's still (play_still.go)
//	/web/… /app.js …             go-app's files and the static assets, from Pages
//
// A page never answers a bare 503: when the simulator is busy it comes
// without its prerendered run, no-store (busy.go); the other routes that
// need a new run (/svg/, /oembed) answer 503 with Retry-After.
//
// Every page is edited after go-app renders it (editPage): stylesheets
// inlined, go-app's scripts started after the first paint, Open Graph
// addresses with the site's origin, and the oEmbed discovery link on lesson,
// embed and program pages.
//
// The origin. A request's origin (scheme, host: Origin, which honours
// X-Forwarded-Proto) is computed once per request and used for everything
// that names the site: oEmbed answers, og:url, the discovery link, and the
// prerendered sharing snippets, to which it is handed with the page's URL
// (course.PrerenderURL; go-app's own page URL always says http).
package site

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"lanes/course"
	"lanes/internal/lru"
)

// Site is the HTTP side of Lanes.
type Site struct {
	Course *course.Course
	// Pages prerenders the pages (go-app's handler, with WebPaths as its
	// resource resolver) and makes go-app's own files (/app.js,
	// /wasm_exec.js…). The site never lets it serve anything else.
	Pages http.Handler
	// Assets holds the files the app ships as web/NAME (stylesheets,
	// icons, robots.txt): the only files served under /web/ besides the
	// wasm. The stylesheets are inlined into every page.
	Assets fs.FS
	Wasm   WasmFiles
	// Limits bound the simulations the site asks for (course.Limits;
	// Runs 0 = GOMAXPROCS); PageCacheBytes bounds the rendered answers
	// kept (0 = DefaultPageCacheBytes).
	Limits         course.Limits
	PageCacheBytes int64
	// Play builds, serves and stores readers' programs (play.go); nil:
	// no /play.
	Play *Play

	assets    map[string]*response
	goappOnce sync.Once
	goapp     map[string]*response
	// Rendered answers: defaults holds the pages of default views (no
	// query), others everything else, so a flood of other views never
	// evicts the default pages.
	defaults, others *lru.Cache[string, *response]
	fresh            *gate // answers made afresh
}

// DefaultPageCacheBytes bounds the rendered answers a site keeps (a
// quarter of it for the default views' pages).
const DefaultPageCacheBytes = 32 << 20

// RetryAfter is the Retry-After, in seconds, of a 503 when the simulator
// is busy.
const RetryAfter = 2

// Handler returns the whole HTTP handler of `lanes serve`. It bounds the
// course's work (course.Course.SetLimits with Limits) and loads Assets.
func (s *Site) Handler() http.Handler {
	files, err := loadAssets(s.Assets)
	if err != nil {
		panic("lanes: reading the embedded assets: " + err.Error()) // embedded: cannot fail
	}
	s.assets = files
	l := s.Limits
	if l.Runs <= 0 {
		l.Runs = runtime.GOMAXPROCS(0)
		if l.Queue == 0 {
			l.Queue = 2 * l.Runs
		}
	}
	s.Course.SetLimits(l)
	s.fresh = newGate(l)
	n := s.PageCacheBytes
	if n <= 0 {
		n = DefaultPageCacheBytes
	}
	s.defaults, s.others = lru.New[string, *response](n/4), lru.New[string, *response](n-n/4)
	pages := s.withPageEdits()
	gets := methods(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/web/app.wasm" || p == "/app.wasm" || p == "/goapp.wasm":
			s.Wasm.ServeHTTP(w, r)
		case p == "/oembed":
			s.serveOEmbed(w, r)
		case strings.HasPrefix(p, "/svg/"):
			s.serveSVG(w, r)
		case strings.HasPrefix(p, "/web/") || p == "/robots.txt":
			if rs, ok := s.assets[p]; ok {
				rs.ServeHTTP(w, r)
				return
			}
			textResponse(http.StatusNotFound, "404 page not found").ServeHTTP(w, r)
		case goappFiles[p] != "":
			if rs, ok := s.goappFile(p); ok {
				rs.ServeHTTP(w, r)
				return
			}
			textResponse(http.StatusNotFound, "404 page not found").ServeHTTP(w, r)
		case p == "/sitemap.xml" || p == "/ads.txt":
			textResponse(http.StatusNotFound, "404 page not found").ServeHTTP(w, r)
		default:
			if to, ok := withoutSlash(r, s.pageExists); ok {
				http.Redirect(w, r, to, http.StatusMovedPermanently)
				return
			}
			pages.ServeHTTP(w, r)
		}
	}))
	return secure(cleanPathsOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if PlayPath(r.URL.Path) {
			s.Play.ServeHTTP(w, r)
			return
		}
		gets.ServeHTTP(w, r)
	})))
}

// pageExists says whether path is a page: the course's or Play's.
func (s *Site) pageExists(path string) bool {
	return s.Course.PageExists(path) || s.Play.PageExists(path)
}

// editPage makes the edits every page go-app renders gets, from the
// server and in the static export alike: every stylesheet css can read
// inlined (inlineStylesheets), go-app's scripts started after the first
// paint (bootAfterPaint), the other scripts of the head async
// (asyncHeadScripts), Open Graph addresses with origin (fixOpenGraph).
func editPage(page []byte, css func(href string) ([]byte, bool), origin string) []byte {
	return fixOpenGraph(bootAfterPaint(asyncHeadScripts(inlineStylesheets(page, css))), origin)
}

// withPageEdits serves the pages: the gallery, lesson and embed pages
// (200) and the readable "not found" page of every other path (404).
//
// A page is rendered once per origin, path and query and kept (the
// defaults and others caches): Pages prerenders it for the request's
// origin (course.PrerenderURL), with editPage's edits (stylesheets from
// pageCSS) and, on lesson and embed pages, the oEmbed discovery link
// (see discovery). Before that, the run the page shows is prepared
// (course.Course.Prepare) within the site's limits: when the simulator is
// busy the page comes without its run, marked no-store and never kept
// (busy.go), never a bare 503.
//
// go-app writes the page's path into attributes with Go's quoting, not
// HTML's: the path of a page that does not exist is handed to it
// percent-encoded, so no quote or angle bracket of a URL reaches the page.
func (s *Site) withPageEdits() http.Handler {
	css := s.pageCSS()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The key is what the page depends on, as sent: scheme, Host, path
		// and query (Origin is computed from the first two); a hit costs
		// no parsing.
		scheme := "http"
		if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
			scheme = "https"
		}
		key := scheme + "://" + r.Host + " " + r.URL.Path + "?" + r.URL.RawQuery
		if rs, ok := s.defaults.Get(key); ok {
			rs.ServeHTTP(w, r)
			return
		}
		if rs, ok := s.others.Get(key); ok {
			rs.ServeHTTP(w, r)
			return
		}
		origin := Origin(r)
		exists := s.pageExists(r.URL.Path)
		cache := s.others
		if exists && r.URL.RawQuery == "" {
			cache = s.defaults
		}
		pending := s.Play.stillPending(r.URL.Path) // a program page whose timeline is to come is not kept
		rs, real := s.servePage(w, r, func(norun bool) (*response, error) { return s.renderPage(r, origin, exists, css, norun) })
		if rs == nil {
			return
		}
		if !real {
			rs.ServeHTTP(w, r) // the busy copy (busy.go): never kept
			return
		}
		if rs.status == http.StatusOK && !pending || rs.status == http.StatusNotFound && !isProgramPage(r.URL.Path) {
			cache.Add(key, rs, rs.size())
		}
		rs.ServeHTTP(w, r)
	})
}

// renderPage makes a page afresh: the run it shows first (within the
// course's limits), then go-app's prerender and editPage's edits; with
// norun, without the run (course.WithoutRun: the server is busy, busy.go).
func (s *Site) renderPage(r *http.Request, origin string, exists bool, css func(string) ([]byte, bool), norun bool) (*response, error) {
	if _, slug, ok := course.ParsePagePath(r.URL.Path); ok && exists && !norun {
		view, _ := course.ParseViewState(r.URL.Query())
		if err := s.Course.Prepare(r.Context(), slug, view); err != nil {
			return nil, err
		}
	}
	r2 := r.Clone(r.Context())
	r2.Header = http.Header{} // nothing conditional: the whole page
	u := *r.URL
	u.Host = r.Host
	if !exists {
		u.Path, u.RawPath = r.URL.EscapedPath(), ""
	}
	r2.URL = course.PrerenderURL(u, origin)
	if norun {
		r2.URL = course.WithoutRun(r2.URL)
	}
	r2.RequestURI = ""
	rs := record(s.Pages, r2, brotliDynamic)
	if strings.HasPrefix(rs.header.Get("Content-Type"), "text/html") {
		rs.header.Set("Content-Type", "text/html; charset=utf-8")
		body := editPage(rs.body, css, origin)
		if link := s.discovery(r, origin); link != "" {
			if i := bytes.Index(body, []byte("</head>")); i >= 0 {
				body = append(body[:i:i], append([]byte(link+"\n"), body[i:]...)...)
			}
		}
		rs = newResponse(rs.status, rs.header, body, brotliDynamic).withETag(rs.etag)
	}
	if rs.status == http.StatusOK && !exists {
		rs.status = http.StatusNotFound
		rs.etag = "" // an error page is not the app's cacheable version
	}
	return rs, nil
}

// busy answers a request whose simulation was refused: 503 with
// Retry-After when the simulator is busy (course.ErrBusy) or the client
// has gone (nobody reads it then).
func busy(w http.ResponseWriter, r *http.Request, err error) {
	w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
	w.Header().Set("Cache-Control", "no-store")
	msg := "503 service unavailable: " + err.Error()
	if !errors.Is(err, course.ErrBusy) {
		msg = "503 service unavailable: the request ended"
	}
	textResponse(http.StatusServiceUnavailable, msg).ServeHTTP(w, r)
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
