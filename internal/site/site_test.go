package site

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"lanes/course"
	"lanes/course/coursetest"
)

// fakePages stands in for go-app: a page that shows its path in og:url
// (as go-app does, unescaped), and go-app's files; it counts renders.
type fakePages struct {
	mu      sync.Mutex
	renders map[string]int
}

func (f *fakePages) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/app.js", "/wasm_exec.js", "/app-worker.js":
		w.Header().Set("Content-Type", "application/javascript")
		io.WriteString(w, strings.Repeat("console.log('go-app');\n", 40))
		return
	case "/manifest.webmanifest", "/app.css":
		http.NotFound(w, r)
		return
	}
	f.mu.Lock()
	f.renders[r.URL.Path+"?"+r.URL.RawQuery]++
	f.mu.Unlock()
	w.Header().Set("Content-Type", "text/html")
	if course.PrerenderWithoutRun(r.URL) {
		io.WriteString(w, `<!-- without its run -->`)
	}
	io.WriteString(w, `<!DOCTYPE html><html><head><meta property="og:url" content="https://`+r.URL.Path+`"></head><body>`+
		strings.Repeat("<p>a lesson page</p>", 50)+`</body></html>`)
}

func (f *fakePages) count(key string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.renders[key]
}

// testSite is a site of coursetest's course whose runs block in
// BeforeRun while hold is set.
type testSite struct {
	h       http.Handler
	pages   *fakePages
	hold    atomic.Bool
	entered chan struct{}
	waiting chan struct{}
	release chan struct{}
	site    *Site
}

func newTestSite(t *testing.T, runs, queue int) *testSite {
	return newTestSitePlay(t, runs, queue, nil)
}

// newTestSitePlay is newTestSite with pl as the site's Play.
func newTestSitePlay(t *testing.T, runs, queue int, pl *Play) *testSite {
	t.Helper()
	ts := &testSite{pages: &fakePages{renders: map[string]int{}}, entered: make(chan struct{}, 100),
		waiting: make(chan struct{}, 100), release: make(chan struct{})}
	s := &Site{Course: coursetest.New(), Pages: ts.pages, Wasm: NewWasmFiles(nil, nil, nil), Play: pl,
		Assets: fstest.MapFS{
			"web/lanes.css": {Data: []byte(strings.Repeat("body { color: black }\n", 40))},
			"web/icon.png":  {Data: []byte("\x89PNG fake")},
			"web/notes.md":  {Data: []byte("not a kind of file the app ships")},
		},
		Limits: course.Limits{Runs: runs, Queue: queue,
			BeforeRun: func(ctx context.Context) {
				if !ts.hold.Load() {
					return
				}
				ts.entered <- struct{}{}
				select {
				case <-ts.release:
				case <-ctx.Done():
				}
			},
			OnWait: func() { ts.waiting <- struct{}{} },
		}}
	ts.h = s.Handler()
	ts.site = s
	return ts
}

func (ts *testSite) get(path string, hdr ...string) *httptest.ResponseRecorder {
	return ts.getContext(context.Background(), path, hdr...)
}

func (ts *testSite) getContext(ctx context.Context, path string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://example.org"+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	ts.h.ServeHTTP(w, r)
	return w
}

// TestBusyIs503: with the only slot held and no queue, every route that
// needs a new run and is no page (pictures, oEmbed) answers 503 with
// Retry-After at once (pages: busy_test.go); cached answers are still
// served; nothing busy is kept.
func TestBusyIs503(t *testing.T) {
	ts := newTestSite(t, 1, 0)
	for _, p := range []string{"/lesson/hello", "/", "/lesson/summary", "/nope"} {
		ts.get(p)
	}
	ts.hold.Store(true)
	first := make(chan int)
	go func() { first <- ts.get("/svg/hello.svg?seed=5").Code }()
	<-ts.entered
	for _, p := range []string{"/svg/hello.svg?seed=7",
		"/oembed?url=http%3A%2F%2Fexample.org%2Flesson%2Fhello%3Fseed%3D8"} {
		w := ts.get(p)
		if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
			t.Errorf("GET %s while busy: %d, Retry-After %q; want 503 with Retry-After", p, w.Code, w.Header().Get("Retry-After"))
		}
		if !strings.Contains(w.Body.String(), "busy") {
			t.Errorf("GET %s while busy: body %q does not say why", p, w.Body.String())
		}
	}
	for _, p := range []string{"/lesson/hello", "/web/lanes.css", "/", "/lesson/summary", "/nope"} {
		if w := ts.get(p); w.Code >= 500 {
			t.Errorf("GET %s while busy: %d, want an answer that needs no new run", p, w.Code)
		}
	}
	close(ts.release)
	if code := <-first; code != 200 {
		t.Errorf("the held run: %d", code)
	}
	if w := ts.get("/lesson/hello?seed=6"); w.Code != 200 {
		t.Errorf("GET /lesson/hello?seed=6 after the flood: %d (a 503 was kept?)", w.Code)
	}
}

// TestClientGone: a request whose client leaves while it waits for a slot
// runs nothing.
func TestClientGone(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	ts.hold.Store(true)
	first := make(chan int)
	go func() { first <- ts.get("/svg/hello.svg?seed=5").Code }()
	<-ts.entered
	ctx, cancel := context.WithCancel(context.Background())
	second := make(chan int)
	go func() { second <- ts.getContext(ctx, "/lesson/hello?seed=9").Code }()
	<-ts.waiting
	before := coursetest.Runs("hello")
	cancel()
	if code := <-second; code != http.StatusServiceUnavailable {
		t.Errorf("a request whose client left: %d", code)
	}
	close(ts.release)
	<-first
	if got := coursetest.Runs("hello") - before; got != 1 { // the held one only
		t.Errorf("%d runs after the client left, want 1 (the held run)", got)
	}
}

// TestPagesRenderedOnce: a page is rendered once per origin, path and
// query, however it is asked for.
func TestPagesRenderedOnce(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	for _, enc := range []string{"", "br", "gzip", "br", ""} {
		for _, p := range []string{"/lesson/hello", "/embed/hello?seed=4", "/nope/x"} {
			ts.get(p, "Accept-Encoding", enc)
		}
	}
	for _, key := range []string{"/lesson/hello?", "/embed/hello?seed=4"} {
		if got := ts.pages.count(key); got != 1 {
			t.Errorf("%s rendered %d times, want once", key, got)
		}
	}
}

// TestCompression: every text answer is sent as Accept-Encoding asks,
// with Vary, and decodes to the same bytes.
func TestCompression(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	for _, p := range []string{"/lesson/hello", "/nope/x", "/svg/hello.svg", "/web/lanes.css", "/app.js",
		"/oembed?url=http%3A%2F%2Fexample.org%2Flesson%2Fhello"} {
		plain := ts.get(p)
		if plain.Header().Get("Content-Encoding") != "" || !strings.Contains(plain.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s without Accept-Encoding: Content-Encoding %q, Vary %q", p, plain.Header().Get("Content-Encoding"), plain.Header().Get("Vary"))
		}
		for _, tt := range []struct{ accept, want string }{{"br, gzip", "br"}, {"gzip", "gzip"}, {"br;q=0, gzip", "gzip"}, {"identity", ""}} {
			w := ts.get(p, "Accept-Encoding", tt.accept)
			if got := w.Header().Get("Content-Encoding"); got != tt.want {
				t.Errorf("GET %s, Accept-Encoding %q: Content-Encoding %q, want %q", p, tt.accept, got, tt.want)
				continue
			}
			var r io.Reader = w.Body
			switch tt.want {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				zr, err := gzip.NewReader(r)
				if err != nil {
					t.Fatal(err)
				}
				r = zr
			}
			if got, err := io.ReadAll(r); err != nil || !bytes.Equal(got, plain.Body.Bytes()) {
				t.Errorf("GET %s, Accept-Encoding %q: decoded body differs (%v)", p, tt.accept, err)
			}
		}
	}
	if w := ts.get("/web/icon.png", "Accept-Encoding", "br"); w.Code != 200 || w.Header().Get("Content-Encoding") != "" {
		t.Errorf("a PNG: %d, Content-Encoding %q; want 200, not compressed", w.Code, w.Header().Get("Content-Encoding"))
	}
}

// TestOnlyShippedFiles: /web/ serves the assets of the kinds the app
// ships; anything else is a 404, and go-app is never asked.
func TestOnlyShippedFiles(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	for _, tt := range []struct {
		path string
		code int
	}{
		{"/web/lanes.css", 200}, {"/web/icon.png", 200}, {"/web/notes.md", 404}, {"/web/", 404},
		{"/web/nope.css", 404}, {"/web/app.wasm", 404}, {"/sitemap.xml", 404}, {"/ads.txt", 404},
	} {
		if w := ts.get(tt.path); w.Code != tt.code {
			t.Errorf("GET %s: %d, want %d", tt.path, w.Code, tt.code)
		}
	}
	if n := ts.pages.count("/web/notes.md?") + ts.pages.count("/web/?"); n != 0 {
		t.Errorf("go-app was asked for /web/ files %d times", n)
	}
}

func TestCleanPath(t *testing.T) {
	tests := []struct {
		desc, uri string
		clean     bool
	}{
		{"root", "/", true},
		{"a page", "/lesson/hello?seed=1", true},
		{"a trailing slash", "/web/", true},
		{"encoded dots", "/web/%2e%2e/go.mod", false},
		{"one encoded dot", "/web/.%2E/go.mod", false},
		{"encoded slash", "/web/..%2fgo.mod", false},
		{"encoded slash in a name", "/lesson/a%2Fb", false},
		{"encoded backslash", "/web/..%5Cgo.mod", false},
		{"encoded NUL", "/lesson/a%00", false},
		{"dot dot", "/web/../go.mod", false},
		{"dot", "/web/./lanes.css", false},
		{"double slash", "//web/lanes.css", false},
		{"a dot in a name is fine", "/web/lanes.css", true},
		{"an encoded quote is fine", "/lesson/x%22", true},
		{"encoded dots in the query are fine", "/svg/a.svg?x=%2e%2e", true},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodGet, tt.uri, nil)
		if got := cleanPath(r); got != tt.clean {
			t.Errorf("%s: cleanPath(%s) = %v, want %v", tt.desc, tt.uri, got, tt.clean)
		}
	}
}

// TestOpenGraphPathEscaped: the path of a page that does not exist
// reaches go-app percent-encoded, so no markup from it reaches the page.
func TestOpenGraphPathEscaped(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	w := ts.get(`/lesson/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E`)
	if w.Code != 404 || strings.Contains(w.Body.String(), "<script>") {
		t.Errorf("status %d, body %q", w.Code, w.Body.String())
	}
	if !strings.Contains(w.Body.String(), `content="http://example.org/lesson/x%22%3E%3Cscript%3Ealert%28%29`[:50]) {
		t.Errorf("og:url is not the escaped path: %q", w.Body.String()[:200])
	}
}

// TestTrailingSlash: a page's path with a trailing slash (/lesson/x/, as
// hands and blog engines write it) is redirected to the page, its query
// kept; any other path with one stays a 404.
func TestTrailingSlash(t *testing.T) {
	ts := newTestSite(t, 1, 1)
	tests := []struct {
		desc, path string
		code       int
		to         string
	}{
		{desc: "a lesson", path: "/lesson/hello/", code: http.StatusMovedPermanently, to: "/lesson/hello"},
		{desc: "its query kept", path: "/lesson/hello/?variant=x&seed=3", code: http.StatusMovedPermanently, to: "/lesson/hello?variant=x&seed=3"},
		{desc: "an embed", path: "/embed/hello/?theme=dark", code: http.StatusMovedPermanently, to: "/embed/hello?theme=dark"},
		{desc: "the playground", path: "/play/", code: http.StatusMovedPermanently, to: "/play"},
		{desc: "no such lesson", path: "/lesson/nope/", code: http.StatusNotFound},
		{desc: "two slashes are not clean", path: "/lesson/hello//", code: http.StatusBadRequest},
		{desc: "the root is the root", path: "/", code: http.StatusOK},
		{desc: "not a page", path: "/web/", code: http.StatusNotFound},
	}
	for _, tt := range tests {
		w := ts.get(tt.path)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: GET %s: %d to %q, want %d to %q", tt.desc, tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}
