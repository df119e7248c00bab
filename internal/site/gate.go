package site

import (
	"context"
	"net/http"
	"sync"
	"time"

	"lanes/course"
)

// A gate bounds the answers the site makes afresh (a page, picture or
// oEmbed answer not in its caches): at most Limits.Runs at once, up to
// Limits.Queue more waiting, beyond that course.ErrBusy (a 503; pages
// wait a little longer and are then served without their run: busy.go). The
// course bounds its simulations the same way; the gate bounds the rest of
// the work around them (go-app's prerender, the page's edits, the
// compression), which for the heaviest views costs as much as the run.
// A gate's slot is taken before the course's, never the other way round.
type gate struct {
	slots   chan struct{}
	queue   int
	onWait  func()
	mu      sync.Mutex
	waiting int
}

func newGate(l course.Limits) *gate {
	return &gate{slots: make(chan struct{}, l.Runs), queue: l.Queue, onWait: l.OnWait}
}

// enter takes a slot (waiting in the queue if there is room) and returns
// its release; course.ErrBusy when the queue is full, ctx's error when
// the request ends first.
func (g *gate) enter(ctx context.Context) (func(), error) {
	if release, ok := g.tryEnter(); ok {
		return release, nil
	}
	return g.wait(ctx, nil, true)
}

// tryEnter takes a slot if one is free.
func (g *gate) tryEnter() (func(), bool) {
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, true
	default:
		return nil, false
	}
}

// wait waits for a slot, counted among the waiting: course.ErrBusy when
// queued and the queue is full, ctx's error when the request ends first,
// errPageWait when timeout (nil: never) fires first.
func (g *gate) wait(ctx context.Context, timeout <-chan time.Time, queued bool) (func(), error) {
	g.mu.Lock()
	if queued && g.waiting >= g.queue {
		g.mu.Unlock()
		return nil, course.ErrBusy
	}
	g.waiting++
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.waiting--
		g.mu.Unlock()
	}()
	if g.onWait != nil {
		g.onWait()
	}
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timeout:
		return nil, errPageWait
	}
}

// through serves r with make's answer made inside one of the gate's slots,
// or a 503 (busy).
func (g *gate) through(w http.ResponseWriter, r *http.Request, make func() (*response, error)) (*response, bool) {
	release, err := g.enter(r.Context())
	if err != nil {
		busy(w, r, err)
		return nil, false
	}
	defer release()
	rs, err := make()
	if err != nil {
		busy(w, r, err)
		return nil, false
	}
	if rs.text { // compressed inside the slot too
		if c := negotiate(r.Header.Get("Accept-Encoding"), true, true); c != "" {
			rs.encoded(c)
		}
	}
	return rs, true
}
