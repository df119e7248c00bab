package course_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	. "lanes/course"
	"lanes/course/coursetest"
)

// holder fills a course's slots with runs blocked in Limits.BeforeRun.
type holder struct {
	hold    atomic.Bool   // runs block in BeforeRun only while set
	entered chan struct{} // one value per run that took a slot and blocks
	release chan struct{} // closed: the held runs go on
	waiting chan struct{} // one value per caller that starts waiting
}

func limited(t *testing.T, runs, queue int) (*Course, *holder) {
	t.Helper()
	h := &holder{entered: make(chan struct{}, 100), release: make(chan struct{}), waiting: make(chan struct{}, 100)}
	c := coursetest.New()
	c.SetLimits(Limits{Runs: runs, Queue: queue,
		BeforeRun: func(ctx context.Context) {
			if !h.hold.Load() {
				return
			}
			h.entered <- struct{}{}
			select {
			case <-h.release:
			case <-ctx.Done():
			}
		},
		OnWait: func() { h.waiting <- struct{}{} },
	})
	h.hold.Store(true)
	return c, h
}

// TestBusy: with every slot held and the queue full, a new run is refused
// at once with ErrBusy; cached runs and the waiting callers are served
// once the slots free up.
func TestBusy(t *testing.T) {
	c, h := limited(t, 2, 1)
	h.hold.Store(false)
	if _, err := c.Run("hello", "", ViewState{}); err != nil { // cached before the flood
		t.Fatal(err)
	}
	h.hold.Store(true)
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range 3 {
		wg.Go(func() {
			_, errs[i] = c.RunContext(context.Background(), "hello", "", ViewState{Seed: int64(10 + i)})
		})
		if i < 2 {
			<-h.entered // holds a slot
		} else {
			<-h.waiting // in the queue
		}
	}
	if _, err := c.RunContext(context.Background(), "hello", "", ViewState{Seed: 99}); !errors.Is(err, ErrBusy) {
		t.Errorf("a run beyond the slots and the queue: err %v, want ErrBusy", err)
	}
	if _, err := c.RunContext(context.Background(), "hello", "", ViewState{}); err != nil {
		t.Errorf("a cached run while busy: %v", err)
	}
	close(h.release)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	if got := c.Waiting(); got != 0 {
		t.Errorf("Waiting() = %d after the flood", got)
	}
}

// TestRunStopsWhenTheCallerLeaves: a caller whose context ends while it
// waits for a slot, or while its run holds one, gets the context's error
// and nothing is cached.
func TestRunStopsWhenTheCallerLeaves(t *testing.T) {
	c, h := limited(t, 1, 4)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 2)
	go func() { _, err := c.RunContext(ctx, "hello", "", ViewState{Seed: 3}); done <- err }()
	<-h.entered
	go func() { _, err := c.RunContext(ctx, "hello", "", ViewState{Seed: 4}); done <- err }()
	<-h.waiting
	before := coursetest.Runs("hello")
	cancel()
	for range 2 {
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("a run whose caller left: err %v, want context.Canceled", err)
		}
	}
	if got := coursetest.Runs("hello"); got != before {
		t.Errorf("%d runs happened after the callers left", got-before)
	}
	close(h.release)
	// Not cached: a new caller runs it.
	if _, err := c.RunContext(context.Background(), "hello", "", ViewState{Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if got := coursetest.Runs("hello"); got != before+1 {
		t.Errorf("runs after the callers left and one came back: %d, want 1", got-before)
	}
}

// TestSharedRun: callers asking for the same uncached run share one.
func TestSharedRun(t *testing.T) {
	c, h := limited(t, 2, 8)
	before := coursetest.Runs("hello")
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := c.RunContext(context.Background(), "hello", "", ViewState{Seed: 42}); err != nil {
				t.Error(err)
			}
		})
	}
	<-h.entered
	close(h.release)
	wg.Wait()
	if got := coursetest.Runs("hello"); got != before+1 {
		t.Errorf("5 callers of one run: %d runs, want 1", got-before)
	}
}

// TestCacheIsBoundedInBytes: the drawings' cache keeps at most
// Limits.CacheBytes of drawings.
func TestCacheIsBoundedInBytes(t *testing.T) {
	c := coursetest.New()
	d, err := c.Run("hello", "", ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	c.SetLimits(Limits{Runs: 1, CacheBytes: 3 * d.Size()})
	before := coursetest.Runs("hello")
	for seed := range int64(6) {
		if _, err := c.Run("hello", "", ViewState{Strategy: "random", Seed: seed + 2}); err != nil {
			t.Fatal(err)
		}
	}
	// The last three seeds are cached, the first are not.
	for _, tt := range []struct {
		seed int64
		runs int
	}{{7, 0}, {6, 0}, {2, 1}} {
		n := coursetest.Runs("hello")
		c.Run("hello", "", ViewState{Strategy: "random", Seed: tt.seed})
		if got := coursetest.Runs("hello") - n; got != tt.runs {
			t.Errorf("seed %d again: %d runs, want %d", tt.seed, got, tt.runs)
		}
	}
	if coursetest.Runs("hello")-before != 7 {
		t.Errorf("runs: %d, want 7", coursetest.Runs("hello")-before)
	}
	if d.Size() < int64(len(d.SVG)) {
		t.Errorf("Size() = %d, less than its SVG (%d bytes)", d.Size(), len(d.SVG))
	}
}

// TestPrepare runs what a page shows, with RunContext's bounds.
func TestPrepare(t *testing.T) {
	c, h := limited(t, 1, 0)
	close(h.release)
	tests := []struct {
		desc string
		slug string
		view ViewState
	}{
		{"the default view", "hello", ViewState{}},
		{"an unknown variant shows the default one", "hello", ViewState{Variant: "nope", Seed: 9}},
		{"a text-only lesson", "summary", ViewState{}},
		{"no such lesson", "nope", ViewState{}},
	}
	for _, tt := range tests {
		if err := c.Prepare(context.Background(), tt.slug, tt.view); err != nil {
			t.Errorf("%s: Prepare: %v", tt.desc, err)
		}
	}
	n := coursetest.Runs("hello")
	c.Run("hello", "", ViewState{Seed: 9})
	if coursetest.Runs("hello") != n {
		t.Errorf("the page's run after Prepare was not cached")
	}
}
