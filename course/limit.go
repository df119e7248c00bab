package course

import (
	"context"
	"errors"
	"runtime"
)

// Bounded work. A Course runs the simulator only for a run it has not
// cached (runs are deterministic), and a server that lets anyone ask for
// any seed must bound how many such runs happen at once and how much the
// cache keeps:
//
//   - The cache of drawings is an LRU bounded in bytes (Limits.CacheBytes;
//     a drawing weighs its SVG, its playhead table and its trace, see
//     Drawing.Size), keyed by (lesson, variant, strategy, seed or recorded
//     schedule, scale): everything a drawing depends on.
//   - A slot is the right to run one uncached simulation. Limits.Runs
//     slots exist (GOMAXPROCS by default on a server; none on a course
//     without SetLimits: unbounded, as in the browser, where one reader
//     asks). Up to Limits.Queue callers of RunContext wait for a slot;
//     beyond them, RunContext fails at once with ErrBusy (the server's 503,
//     or a page served without its run).
//     Run, the callers that cannot be told "busy" (a page's prerender after
//     Prepare, the static export), waits for a slot without that bound.
//   - Two callers asking for the same uncached drawing share one run.
//   - A caller whose context ends while waiting for a slot or for a shared
//     run gets the context's error at once and leaves no work behind; a
//     run whose caller has gone stops within 1,024 steps
//     (sim.Options.Cancel) and is not drawn.

// ErrBusy is RunContext's answer when every slot is taken and the queue
// is full.
var ErrBusy = errors.New("the simulator is busy: too many new runs at once, try again in a moment")

// Limits bound a Course's work; see SetLimits.
type Limits struct {
	Runs       int   // uncached runs at once; 0 = GOMAXPROCS
	Queue      int   // RunContext callers that may wait for a slot; more get ErrBusy
	CacheBytes int64 // the drawings' cache; 0 = DefaultCacheBytes

	// Test hooks. BeforeRun, if set, is called in a slot before each
	// uncached run (a test blocks in it to hold the slots); OnWait when a
	// caller starts waiting for a slot.
	BeforeRun func(ctx context.Context)
	OnWait    func()
}

// DefaultCacheBytes bounds the drawings' cache unless Limits say otherwise.
const DefaultCacheBytes = 32 << 20

// SetLimits bounds the course's uncached runs and its cache (emptying
// it). Call it before serving.
func (c *Course) SetLimits(l Limits) {
	if l.Runs <= 0 {
		l.Runs = runtime.GOMAXPROCS(0)
	}
	if l.CacheBytes <= 0 {
		l.CacheBytes = DefaultCacheBytes
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.limits = l
	c.slots = make(chan struct{}, l.Runs)
	c.runs = newRunCache(l.CacheBytes)
}

// acquire takes a slot, waiting for one: without a bound when wait is
// set, else only if fewer than Limits.Queue callers wait already. The
// returned release gives it back. A course without limits has no slots.
func (c *Course) acquire(ctx context.Context, wait bool) (release func(), err error) {
	c.mu.Lock()
	slots, queue, hook, onWait := c.slots, c.limits.Queue, c.limits.BeforeRun, c.limits.OnWait
	c.mu.Unlock()
	if slots == nil {
		return func() {}, ctx.Err()
	}
	release = func() { <-slots }
	select {
	case slots <- struct{}{}:
	default:
		c.mu.Lock()
		if !wait && c.waiting >= queue {
			c.mu.Unlock()
			return nil, ErrBusy
		}
		c.waiting++
		c.mu.Unlock()
		if onWait != nil {
			onWait()
		}
		select {
		case slots <- struct{}{}:
			err = nil
		case <-ctx.Done():
			err = ctx.Err()
		}
		c.mu.Lock()
		c.waiting--
		c.mu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	if hook != nil {
		hook(ctx)
	}
	if err := ctx.Err(); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// Waiting is how many callers wait for a slot now.
func (c *Course) Waiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.waiting
}

// flight is one uncached run that several callers may wait for.
type flight struct {
	done chan struct{}
	d    Drawing
	err  error
}

// shared runs do for key once for all concurrent callers: the first runs
// it, the others wait for its answer (or their own context's end). A
// first caller that fails on its own context (it left) does not fail the
// others: they try again, one of them running it.
func (c *Course) shared(ctx context.Context, key runKey, do func() (Drawing, error)) (Drawing, error) {
	for range 8 { // each round, one caller runs it or it is cached
		c.mu.Lock()
		if d, ok := c.runs.Get(key); ok {
			c.mu.Unlock()
			return d, nil
		}
		f, ok := c.flights[key]
		if !ok {
			f = &flight{done: make(chan struct{})}
			c.flights[key] = f
			c.mu.Unlock()
			f.d, f.err = do()
			c.mu.Lock()
			delete(c.flights, key)
			if f.err == nil {
				c.runs.Add(key, f.d, f.d.Size())
			}
			c.mu.Unlock()
			close(f.done)
			return f.d, f.err
		}
		c.mu.Unlock()
		select {
		case <-f.done:
		case <-ctx.Done():
			return Drawing{}, ctx.Err()
		}
		if f.err == nil {
			return f.d, nil
		}
		if !errors.Is(f.err, context.Canceled) && !errors.Is(f.err, context.DeadlineExceeded) {
			return Drawing{}, f.err
		}
	}
	return do()
}
