package site

import (
	"context"
	"encoding/json"
	"errors"
	"go/format"
	"io"
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"lanes/internal/progbuild"
	"lanes/internal/snippets"
)

// Play is the server half of /play: building readers' programs into
// program modules (internal/progbuild), serving the modules, and storing
// shared programs (internal/snippets). A Site without one answers its
// routes with 404 (the static export, a server without -data).
//
// Routes:
//
//	POST /play/build           body: the program (≤ 64 KiB of UTF-8) →
//	                           200 {"key","url","size","cached"} |
//	                           400 {"error","diags":[{line,col,msg}]} (the program's problems) |
//	                           413 (too big) | 429 (rate limit) | 503 + Retry-After (busy, timed out, unavailable)
//	GET  /play/module/KEY.wasm a built module (brotli when accepted), immutable; 404 for a key never built
//	POST /play/share           body: the program → 200 {"id","url"} | 400 {"error"} | 429 | 503
//	POST /play/format          body: the program → 200 {"source"} (gofmt's) | 400 {"error","diags"}
//	GET  /play/source/ID       a shared program as text/plain; 404 for an unknown id
//	GET  /play/status          {"build": bool, "share": bool}: what this server does (both
//	                           false under lanes serve -data off, where /play says so)
//	GET  /play/built/ID.json   {"url"} when the program's module is built, else {"build": true}
//	                           (a static export has the file: its pages run with no server)
//	GET  /play/still/ID.json   the program's still (its first run: sim/trace's JSON, play_still.go),
//	                           404 when it has none (yet); a static export has the file too
//	/play /p/ID /embed/p/ID    pages (PageExists), prerendered by Pages
//
// Nothing here answers 500: a failure of the build service itself is a
// 503 with its reason.
type Play struct {
	Builds   *progbuild.Service
	Snippets *snippets.Store
	// Programs are the author's own programs (lanes serve -programs DIR,
	// LoadPrograms): /p/NAME shows DIR/NAME.go.
	Programs map[string]string
	// Limit is each client's budget of builds and shares: Burst at once,
	// then one every Every (default DefaultLimit).
	Limit Limit

	once    sync.Once
	limiter *limiter
	still   stills // play_still.go
}

// DefaultLimit lets a client build or share 20 new programs at once, then
// one every 3 seconds.
var DefaultLimit = Limit{Burst: 20, Every: 3 * time.Second}

// MaxBody bounds a request's body: a program and a little more.
const MaxBody = progbuild.MaxSource + 1

var (
	modulePath  = regexp.MustCompile(`^/play/module/([0-9a-f]{64})\.wasm$`)
	snippetID   = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$`) // as course.ProgramIDPattern
	programPage = regexp.MustCompile(`^/(?:embed/)?p/([0-9A-Za-z][0-9A-Za-z_-]{0,63})$`)
)

// PlayPath says whether path is one of Play's routes other than pages.
func PlayPath(path string) bool {
	return path == "/play/build" || path == "/play/status" || path == "/play/share" || path == "/play/format" || strings.HasPrefix(path, "/play/module/") || strings.HasPrefix(path, "/play/source/") || strings.HasPrefix(path, "/play/built/") || strings.HasPrefix(path, "/play/still/")
}

// PageExists says whether path is a page of Play: /play, and /p/ID and
// /embed/p/ID of a stored program.
func (pl *Play) PageExists(path string) bool {
	if path == "/play" {
		return true // without a Play too: it says that this server builds no programs
	}
	if pl == nil {
		return false
	}
	m := programPage.FindStringSubmatch(path)
	if m == nil {
		return false
	}
	_, ok := pl.Source(m[1])
	return ok
}

// isProgramPage says whether path is a /p/ID or /embed/p/ID page, stored
// or not (a 404 of one is never kept: the program may be shared later).
func isProgramPage(path string) bool { return programPage.MatchString(path) }

// Source returns a stored program (for the pages' prerender).
func (pl *Play) Source(id string) (string, bool) {
	if pl == nil || !snippetID.MatchString(id) {
		return "", false
	}
	if src, ok := pl.Programs[id]; ok {
		return src, true
	}
	if pl.Snippets == nil {
		return "", false
	}
	src, err := pl.Snippets.Get(context.Background(), id)
	return string(src), err == nil
}

// ServeHTTP answers Play's routes (PlayPath).
func (pl *Play) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/play/status" {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", http.MethodGet)
			jsonError(w, http.StatusMethodNotAllowed, "use GET", nil)
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"build": pl != nil && pl.Builds != nil, "share": pl != nil && pl.Snippets != nil})
		return
	}
	if pl == nil || pl.Builds == nil && pl.Snippets == nil && pl.Programs == nil {
		textResponse(http.StatusNotFound, "404 page not found: this server does not build programs (it has no -data directory)").ServeHTTP(w, r)
		return
	}
	post := p == "/play/build" || p == "/play/share" || p == "/play/format"
	want := http.MethodGet
	if post {
		want = http.MethodPost
	}
	if r.Method != want && !(want == http.MethodGet && r.Method == http.MethodHead) {
		w.Header().Set("Allow", want)
		jsonError(w, http.StatusMethodNotAllowed, "use "+want, nil)
		return
	}
	switch {
	case p == "/play/build":
		pl.build(w, r)
	case p == "/play/share":
		pl.share(w, r)
	case p == "/play/format":
		pl.format(w, r)
	case strings.HasPrefix(p, "/play/module/"):
		pl.module(w, r)
	case strings.HasPrefix(p, "/play/source/"):
		pl.source(w, r)
	case strings.HasPrefix(p, "/play/built/"):
		pl.built(w, r)
	case strings.HasPrefix(p, "/play/still/"):
		pl.stillJSON(w, r)
	default:
		textResponse(http.StatusNotFound, "404 page not found").ServeHTTP(w, r)
	}
}

// allow spends one of the client's requests, answering 429 itself when
// it has none left (ok false). Only work is charged: a program refused at
// once (too big, empty, not UTF-8) or already built costs nothing.
func (pl *Play) allow(w http.ResponseWriter, r *http.Request) bool {
	pl.once.Do(func() { pl.limiter = newLimiter(pl.Limit) })
	if wait, ok := pl.limiter.allow(clientOf(r), time.Now()); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int((wait+time.Second-1)/time.Second))))
		jsonError(w, http.StatusTooManyRequests, "too many programs from your address: wait a few seconds and try again", nil)
		return false
	}
	return true
}

// body reads a program from a POST, answering the error itself (ok false).
func (pl *Play) body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		jsonError(w, http.StatusRequestEntityTooLarge, "the program is longer than 64 KiB", nil)
		return nil, false
	case err != nil:
		jsonError(w, http.StatusBadRequest, "the program could not be read: "+err.Error(), nil)
		return nil, false
	}
	return b, true
}

func (pl *Play) build(w http.ResponseWriter, r *http.Request) {
	if pl.Builds == nil {
		jsonError(w, http.StatusServiceUnavailable, "this server does not build programs", nil)
		return
	}
	src, ok := pl.body(w, r)
	if !ok {
		return
	}
	if err := progbuild.Check("main.go", src); err == nil {
		if key, err := pl.Builds.Key("main.go", src); err == nil {
			if m, err := pl.Builds.Lookup(key); err == nil {
				writeJSON(w, http.StatusOK, map[string]any{"key": m.Key, "url": "/play/module/" + m.Key + ".wasm", "size": m.Size, "cached": true})
				return
			}
		}
		if !pl.allow(w, r) {
			return
		}
	}
	m, err := pl.Builds.Build(r.Context(), "main.go", src)
	var pe *progbuild.ProgramError
	var be *progbuild.BusyError
	var te *progbuild.TimeoutError
	var le *progbuild.LimitError
	switch {
	case errors.As(err, &pe):
		jsonError(w, http.StatusBadRequest, pageMessage(pe.Msg), pe.Diags)
	case errors.As(err, &le):
		jsonError(w, http.StatusBadRequest, le.Msg, nil)
	case errors.As(err, &be):
		w.Header().Set("Retry-After", strconv.Itoa(5))
		jsonError(w, http.StatusServiceUnavailable, be.Error(), nil)
	case errors.As(err, &te):
		w.Header().Set("Retry-After", strconv.Itoa(10))
		jsonError(w, http.StatusServiceUnavailable, te.Error()+": the server is loaded; try again in a moment", nil)
	case err != nil:
		w.Header().Set("Retry-After", strconv.Itoa(10))
		jsonError(w, http.StatusServiceUnavailable, "the build service failed: "+err.Error(), nil)
	default:
		writeJSON(w, http.StatusOK, map[string]any{"key": m.Key, "url": "/play/module/" + m.Key + ".wasm", "size": m.Size, "cached": m.Cached})
	}
}

func (pl *Play) module(w http.ResponseWriter, r *http.Request) {
	mt := modulePath.FindStringSubmatch(r.URL.Path)
	if pl.Builds == nil || mt == nil {
		textResponse(http.StatusNotFound, "404 no such program module").ServeHTTP(w, r)
		return
	}
	m, err := pl.Builds.Lookup(mt[1])
	if err != nil {
		textResponse(http.StatusNotFound, "404 no such program module: build the program first").ServeHTTP(w, r)
		return
	}
	name := m.Path
	h := w.Header()
	h.Set("Vary", "Accept-Encoding")
	if acceptsBrotli(r) {
		if _, err := os.Stat(m.Brotli); err == nil {
			name = m.Brotli
			h.Set("Content-Encoding", "br")
		}
	}
	f, err := os.Open(name)
	if err != nil {
		h.Del("Content-Encoding")
		textResponse(http.StatusNotFound, "404 no such program module: build the program first").ServeHTTP(w, r)
		return
	}
	defer f.Close()
	h.Set("Content-Type", "application/wasm")
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, "", time.Time{}, f)
}

// acceptsBrotli says whether the client takes brotli.
func acceptsBrotli(r *http.Request) bool {
	for _, c := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(c), ";")
		if strings.TrimSpace(name) == "br" && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}

func (pl *Play) share(w http.ResponseWriter, r *http.Request) {
	if pl.Snippets == nil {
		jsonError(w, http.StatusServiceUnavailable, "this server does not store programs", nil)
		return
	}
	src, ok := pl.body(w, r)
	if !ok {
		return
	}
	if err := snippets.Check(src); err == nil && !pl.allow(w, r) {
		return
	}
	id, err := pl.Snippets.Put(r.Context(), src)
	var inv *snippets.Invalid
	switch {
	case errors.As(err, &inv):
		jsonError(w, http.StatusBadRequest, inv.Msg, nil)
	case err != nil:
		w.Header().Set("Retry-After", strconv.Itoa(RetryAfter))
		jsonError(w, http.StatusServiceUnavailable, "the program could not be stored: try again in a moment", nil)
	default:
		if pl.Builds != nil {
			pl.startStill(id) // its page's timeline (play_still.go)
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": id, "url": "/p/" + id})
	}
}

func (pl *Play) source(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/play/source/")
	src, ok := pl.Source(id)
	if !ok {
		textResponse(http.StatusNotFound, "404 there is no shared program "+strconv.Quote(id)).ServeHTTP(w, r)
		return
	}
	h := http.Header{}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	newResponse(http.StatusOK, h, []byte(src), brotliDynamic).withHashETag().ServeHTTP(w, r)
}

// format answers the program as gofmt writes it (go/format: parsing only,
// nothing runs), or its syntax errors at their lines.
func (pl *Play) format(w http.ResponseWriter, r *http.Request) {
	src, ok := pl.body(w, r)
	if !ok {
		return
	}
	if err := progbuild.Check("main.go", src); err != nil {
		var pe *progbuild.ProgramError
		errors.As(err, &pe)
		jsonError(w, http.StatusBadRequest, pe.Msg, pe.Diags)
		return
	}
	out, err := format.Source(src)
	if err != nil {
		msg := strings.ReplaceAll(err.Error(), "\n", "\nmain.go:")
		if !strings.HasPrefix(msg, "main.go:") {
			msg = "main.go:" + msg
		}
		jsonError(w, http.StatusBadRequest, msg, progbuild.Diags(msg))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"source": string(out)})
}

// built says where a program page's module is, if built.
func (pl *Play) built(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/play/built/"), ".json")
	src, found := pl.Source(id)
	if !ok || !found {
		jsonError(w, http.StatusNotFound, "there is no program "+strconv.Quote(id), nil)
		return
	}
	if pl.Builds != nil && progbuild.Check("main.go", []byte(src)) == nil {
		if key, err := pl.Builds.Key("main.go", []byte(src)); err == nil {
			if m, err := pl.Builds.Lookup(key); err == nil {
				writeJSON(w, http.StatusOK, map[string]any{"url": "/play/module/" + m.Key + ".wasm"})
				return
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"build": true})
}

// jsonError answers {"error": msg, "diags": …}.
func jsonError(w http.ResponseWriter, status int, msg string, diags []progbuild.Diag) {
	v := map[string]any{"error": msg}
	if diags != nil {
		v["diags"] = diags
	}
	writeJSON(w, status, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}
