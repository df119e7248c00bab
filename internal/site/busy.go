package site

import (
	"context"
	"errors"
	"net/http"
	"time"

	"lanes/course"
)

// Busy pages. A page a browser navigates to (the gallery, a lesson, an
// embed, /play, /p/ID, /embed/p/ID) never answers the bare 503 that the
// API's callers get when the simulator is busy (busy): a browser does not
// retry a page on Retry-After, and a frame in a blog post would keep the
// line for good. Instead (servePage):
//
//   - A page waits for one of the gate's slots at most PageWait (and only
//     while its request lasts), however many wait already: waiting costs
//     no work.
//   - Still busy then (no slot, or the course refused the run the page
//     shows: course.ErrBusy), the page is prerendered without its run
//     (course.WithoutRun): a lesson's timeline is computed by the app in
//     the browser (LessonPage.OnInit runs it), a program page's still is
//     fetched by the app (/play/still/ID.json, falling back to a run).
//     The page says so to readers without WebAssembly (app.BusyNote).
//     Its prerender runs no simulation and draws no timeline, so its
//     work stays bounded without a slot.
//   - That copy is sent with Cache-Control: no-store and no ETag, and not
//     kept in the site's caches: the next request makes the real page.
//
// Only a request whose client has gone still gets the 503 (nobody reads
// it).

// PageWait bounds how long a page waits for a slot before it is served
// without its run.
var PageWait = 2 * time.Second

// errPageWait is enterWithin's answer when PageWait passed.
var errPageWait = errors.New("no slot within the page's wait")

// enterWithin is enter for a page: it waits for a slot up to d even when
// the queue is full (errPageWait after d; ctx's error when the request
// ends first).
func (g *gate) enterWithin(ctx context.Context, d time.Duration) (func(), error) {
	if release, ok := g.tryEnter(); ok {
		return release, nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	return g.wait(ctx, t.C, false)
}

// servePage makes a page afresh with render (norun: without its run) and
// answers it: within a slot when one comes within PageWait, else without
// its run (see above). kept says whether the answer is the real page (the
// caller may keep it), not the busy copy.
func (s *Site) servePage(w http.ResponseWriter, r *http.Request, render func(norun bool) (*response, error)) (rs *response, kept bool) {
	release, err := s.fresh.enterWithin(r.Context(), PageWait)
	if err != nil && r.Context().Err() != nil {
		busy(w, r, err) // the client has gone
		return nil, false
	}
	norun := err != nil
	if !norun {
		defer release()
		rs, err = render(false)
		if errors.Is(err, course.ErrBusy) {
			norun = true
		}
	}
	if norun {
		rs, err = render(true)
	}
	if err != nil {
		busy(w, r, err)
		return nil, false
	}
	if norun {
		rs.header.Set("Cache-Control", "no-store")
		rs.etag = ""
	}
	if rs.text { // compressed here (inside the slot when there is one)
		if c := negotiate(r.Header.Get("Accept-Encoding"), true, true); c != "" {
			rs.encoded(c)
		}
	}
	return rs, !norun
}
