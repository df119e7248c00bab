package site

import (
	"context"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"lanes/course"
	"lanes/internal/progbuild"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Stills: the prerendered timeline of a program page. A program page
// (/p/ID, /embed/p/ID) shows, for readers without WebAssembly too, what
// the program's first run does, as a lesson page shows its default run:
//
//   - The still is made once per program (and again when the simulator
//     changes: progbuild.StillKey) by progbuild's Still, which builds the
//     program's twin for this machine and runs it within the build
//     service's slots and limits, and is kept in the snippet store beside
//     the program (snippets' PutStill): the run's trace, or the words of
//     why there is none (it does not compile, a limit stopped it).
//   - It is made in the background when a program is shared, and when a
//     page of a program without one is asked for; that page is then
//     prerendered without it and not kept, so a later request shows it.
//     It takes a build slot only when one is free (progbuild's
//     TryAcquire): a busy build service leaves it for a later request,
//     and a reader's build never waits behind a still. Nothing waits for
//     a still, and nothing fails for the want of one. StopStills ends
//     those in progress (the server's shutdown).
//   - StillTrace is what the prerender shows (the app's ProgramStill):
//     the trace, or the message in its place; the page also carries the
//     trace, when small, for the app's first render (app's
//     play_inline.go), else the app fetches /play/still/ID.json.
//   - /svg/p/ID.svg?theme=&scale=&t= is the still's picture (as a
//     lesson's /svg/), 404 when the program has none yet; the program's
//     oEmbed answer names it as its thumbnail when there is one.

// stills is Play's record of the stills being made.
type stills struct {
	mu      sync.Mutex
	running map[string]bool
	wg      sync.WaitGroup
	ctx     context.Context // of every still made in the background
	stop    context.CancelFunc
	stopped bool
}

// WaitStills waits for the stills being made in the background.
func (pl *Play) WaitStills() { pl.still.wg.Wait() }

// StopStills stops the stills being made in the background (their builds
// and runs), waits for them, and starts no more: the server's shutdown
// calls it before closing the store.
func (pl *Play) StopStills() {
	pl.still.mu.Lock()
	pl.still.stopped = true
	if pl.still.stop != nil {
		pl.still.stop()
	}
	pl.still.mu.Unlock()
	pl.still.wg.Wait()
}

// StillTrace returns the still of the program id: its trace, or the
// message in its place; ok is false when there is none (yet).
func (pl *Play) StillTrace(id string) (tr *trace.Trace, msg string, ok bool) {
	src, found := pl.Source(id)
	if !found || pl.Builds == nil || pl.Snippets == nil {
		return nil, "", false
	}
	want, err := pl.Builds.StillKey("main.go", []byte(src))
	if err != nil {
		return nil, "", false
	}
	key, b, msg, err := pl.Snippets.Still(context.Background(), id)
	if err != nil || key != want {
		return nil, "", false
	}
	if msg != "" {
		return nil, pageMessage(msg), true // a still kept before the web had its own hint too
	}
	tr, err = trace.Unmarshal(b)
	if err != nil {
		return nil, "", false
	}
	return tr, "", true
}

// MakeStill makes and keeps the still of the program id (see above). Its
// error is the build service's (busy, stopped) or the store's; a program
// that cannot run is a still, its message kept.
func (pl *Play) MakeStill(ctx context.Context, id string) error {
	src, found := pl.Source(id)
	if !found || pl.Builds == nil || pl.Snippets == nil {
		return errors.New("no such program, or no build service and store")
	}
	key, err := pl.Builds.StillKey("main.go", []byte(src))
	if err != nil {
		return err
	}
	b, msg, err := StillOf(ctx, pl.Builds, src)
	if err != nil {
		return err
	}
	return pl.Snippets.PutStill(ctx, id, key, b, msg)
}

// StillOf makes the still of the program src (progbuild's Still): its
// trace's JSON, or, for a program that cannot give one (it does not
// compile, a limit stopped it), the message in its place, as the page
// shows it (pageMessage). Its error is
// the build service's (busy, stopped).
func StillOf(ctx context.Context, builds *progbuild.Service, src string) (b []byte, msg string, err error) {
	b, err = builds.Still(ctx, "main.go", []byte(src))
	var pe *progbuild.ProgramError
	var re *progbuild.RunError
	var te *progbuild.TimeoutError
	var le *progbuild.LimitError
	switch {
	case errors.As(err, &le):
		msg = le.Msg
	case errors.As(err, &pe):
		msg = pageMessage(pe.Msg)
	case errors.As(err, &re):
		msg = re.Msg
	case errors.As(err, &te):
		msg = te.Error()
	case err != nil:
		return nil, "", err
	}
	if msg != "" {
		b = nil
	}
	return b, msg, nil
}

// startStill makes the still of id in the background, unless it is being
// made.
func (pl *Play) startStill(id string) {
	pl.still.mu.Lock()
	if pl.still.running == nil {
		pl.still.running = map[string]bool{}
		pl.still.ctx, pl.still.stop = context.WithCancel(context.Background())
	}
	if pl.still.running[id] || pl.still.stopped {
		pl.still.mu.Unlock()
		return
	}
	pl.still.running[id] = true
	pl.still.wg.Add(1)
	ctx := pl.still.ctx
	pl.still.mu.Unlock()
	go func() {
		defer pl.still.wg.Done()
		defer func() {
			pl.still.mu.Lock()
			delete(pl.still.running, id)
			pl.still.mu.Unlock()
		}()
		var be *progbuild.BusyError
		if err := pl.MakeStill(ctx, id); err != nil && !errors.As(err, &be) && ctx.Err() == nil {
			log.Printf("lanes serve: the still of program %s: %v", id, err)
		}
	}()
}

// stillPending says whether path is the page of a program whose still is
// still to come (its page is then not kept), and starts making it.
func (pl *Play) stillPending(path string) bool {
	m := programPage.FindStringSubmatch(path)
	if pl == nil || m == nil || pl.Builds == nil || pl.Snippets == nil || !pl.PageExists(path) {
		return false
	}
	if _, _, ok := pl.StillTrace(m[1]); ok {
		return false
	}
	pl.startStill(m[1])
	return true
}

// programPicture answers /svg/p/ID.svg: the still's timeline as lessons'
// pictures are drawn (timeline.Export).
func (s *Site) programPicture(r *http.Request, id string) *response {
	tr, _, ok := s.Play.StillTrace(id)
	if !ok || tr == nil {
		return textResponse(http.StatusNotFound, "no picture of this program (yet)")
	}
	svg, _, _ := programSVG(tr, r)
	h := http.Header{}
	h.Set("Content-Type", "image/svg+xml; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	h.Set("Cache-Control", "public, max-age=3600")
	return newResponse(http.StatusOK, h, []byte(svg), brotliDynamic)
}

// programSVG draws tr in the view of r's query, with its size.
func programSVG(tr *trace.Trace, r *http.Request) (svg string, width, height int) {
	view, _ := course.ParseViewState(r.URL.Query())
	return stillSVG(tr, view)
}

// stillSVG draws tr in view, with its size.
func stillSVG(tr *trace.Trace, view course.ViewState) (svg string, width, height int) {
	l := course.ProgramLesson("", "")
	svg = timeline.Export(tr, l.PictureOptions(view))
	return svg, course.SVGDim(svg, "width"), course.SVGDim(svg, "height")
}

// programPictureID is the id of a /svg/p/ID.svg path.
func programPictureID(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, "/svg/p/")
	if !ok {
		return "", false
	}
	id := strings.TrimSuffix(rest, ".svg")
	return id, snippetID.MatchString(id)
}

// pictureView is view as a picture sees it: no autoplay, chrome or code.
func pictureView(view course.ViewState) course.ViewState {
	view.Autoplay, view.Minimal, view.NoCode = false, false, false
	return view
}

// programPictureURL is the path of the picture of program id in view.
func programPictureURL(id string, view course.ViewState) string {
	u := "/svg/p/" + id + ".svg"
	if q := pictureView(view).Query(); q != "" {
		u += "?" + q
	}
	return u
}

// stillJSON answers /play/still/ID.json: the still's trace, which a
// program page shows at once instead of building and running the program
// (the browser fetches the module only when the reader runs, explores or
// plays the game); null when the program has no still with a trace (yet:
// not an error, the page runs the program), 404 for an unknown program.
func (pl *Play) stillJSON(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/play/still/"), ".json")
	if _, found := pl.Source(id); !ok || !found {
		jsonError(w, http.StatusNotFound, "there is no program "+strconv.Quote(id), nil)
		return
	}
	b := []byte("null")
	if tr, _, ok := pl.StillTrace(id); ok && tr != nil {
		if j, err := trace.Marshal(tr); err == nil {
			b = j
		}
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-cache")
	newResponse(http.StatusOK, h, b, brotliDynamic).ServeHTTP(w, r)
}
