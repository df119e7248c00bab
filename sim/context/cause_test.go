package context_test

import (
	"errors"
	gofmt "fmt"
	"testing"
	gotime "time"

	"lanes/sim"
	. "lanes/sim/context"
	"lanes/sim/internal/simtest"
	"lanes/sim/sync"
	"lanes/sim/time"
)

// Ported from src/context/x_test.go (second half).

func TestCause(t *testing.T) {
	var (
		forever       = 1e6 * time.Second
		parentCause   = gofmt.Errorf("parentCause")
		childCause    = gofmt.Errorf("childCause")
		tooSlow       = gofmt.Errorf("tooSlow")
		finishedEarly = gofmt.Errorf("finishedEarly")
	)
	for _, test := range []struct {
		name  string
		ctx   func() Context
		err   error
		cause error
	}{
		{
			name:  "Background",
			ctx:   Background,
			err:   nil,
			cause: nil,
		},
		{
			name:  "TODO",
			ctx:   TODO,
			err:   nil,
			cause: nil,
		},
		{
			name: "WithCancel",
			ctx: func() Context {
				ctx, cancel := WithCancel(Background())
				cancel()
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithCancelCause",
			ctx: func() Context {
				ctx, cancel := WithCancelCause(Background())
				cancel(parentCause)
				return ctx
			},
			err:   Canceled,
			cause: parentCause,
		},
		{
			name: "WithCancelCause nil",
			ctx: func() Context {
				ctx, cancel := WithCancelCause(Background())
				cancel(nil)
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithCancelCause: parent cause before child",
			ctx: func() Context {
				ctx, cancelParent := WithCancelCause(Background())
				ctx, cancelChild := WithCancelCause(ctx)
				cancelParent(parentCause)
				cancelChild(childCause)
				return ctx
			},
			err:   Canceled,
			cause: parentCause,
		},
		{
			name: "WithCancelCause: parent cause after child",
			ctx: func() Context {
				ctx, cancelParent := WithCancelCause(Background())
				ctx, cancelChild := WithCancelCause(ctx)
				cancelChild(childCause)
				cancelParent(parentCause)
				return ctx
			},
			err:   Canceled,
			cause: childCause,
		},
		{
			name: "WithCancelCause: parent cause before nil",
			ctx: func() Context {
				ctx, cancelParent := WithCancelCause(Background())
				ctx, cancelChild := WithCancel(ctx)
				cancelParent(parentCause)
				cancelChild()
				return ctx
			},
			err:   Canceled,
			cause: parentCause,
		},
		{
			name: "WithCancelCause: parent cause after nil",
			ctx: func() Context {
				ctx, cancelParent := WithCancelCause(Background())
				ctx, cancelChild := WithCancel(ctx)
				cancelChild()
				cancelParent(parentCause)
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithCancelCause: child cause after nil",
			ctx: func() Context {
				ctx, cancelParent := WithCancel(Background())
				ctx, cancelChild := WithCancelCause(ctx)
				cancelParent()
				cancelChild(childCause)
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithCancelCause: child cause before nil",
			ctx: func() Context {
				ctx, cancelParent := WithCancel(Background())
				ctx, cancelChild := WithCancelCause(ctx)
				cancelChild(childCause)
				cancelParent()
				return ctx
			},
			err:   Canceled,
			cause: childCause,
		},
		{
			name: "WithTimeout",
			ctx: func() Context {
				ctx, cancel := WithTimeout(Background(), 0)
				cancel()
				return ctx
			},
			err:   DeadlineExceeded,
			cause: DeadlineExceeded,
		},
		{
			name: "WithTimeout canceled",
			ctx: func() Context {
				ctx, cancel := WithTimeout(Background(), forever)
				cancel()
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithTimeoutCause",
			ctx: func() Context {
				ctx, cancel := WithTimeoutCause(Background(), 0, tooSlow)
				cancel()
				return ctx
			},
			err:   DeadlineExceeded,
			cause: tooSlow,
		},
		{
			name: "WithTimeoutCause canceled",
			ctx: func() Context {
				ctx, cancel := WithTimeoutCause(Background(), forever, tooSlow)
				cancel()
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "WithTimeoutCause stacked",
			ctx: func() Context {
				ctx, cancel := WithCancelCause(Background())
				ctx, _ = WithTimeoutCause(ctx, 0, tooSlow)
				cancel(finishedEarly)
				return ctx
			},
			err:   DeadlineExceeded,
			cause: tooSlow,
		},
		{
			name: "WithTimeoutCause stacked canceled",
			ctx: func() Context {
				ctx, cancel := WithCancelCause(Background())
				ctx, _ = WithTimeoutCause(ctx, forever, tooSlow)
				cancel(finishedEarly)
				return ctx
			},
			err:   Canceled,
			cause: finishedEarly,
		},
		{
			name: "WithoutCancel",
			ctx: func() Context {
				return WithoutCancel(Background())
			},
			err:   nil,
			cause: nil,
		},
		{
			name: "WithoutCancel canceled",
			ctx: func() Context {
				ctx, cancel := WithCancelCause(Background())
				ctx = WithoutCancel(ctx)
				cancel(finishedEarly)
				return ctx
			},
			err:   nil,
			cause: nil,
		},
		{
			name: "WithoutCancel timeout",
			ctx: func() Context {
				ctx, cancel := WithTimeoutCause(Background(), 0, tooSlow)
				ctx = WithoutCancel(ctx)
				cancel()
				return ctx
			},
			err:   nil,
			cause: nil,
		},
		{
			name: "parent of custom context not canceled",
			ctx: func() Context {
				ctx, _ := WithCancelCause(Background())
				ctx, cancel2 := newCustomContext(ctx)
				cancel2()
				return ctx
			},
			err:   Canceled,
			cause: Canceled,
		},
		{
			name: "parent of custom context is canceled before",
			ctx: func() Context {
				ctx, cancel1 := WithCancelCause(Background())
				ctx, cancel2 := newCustomContext(ctx)
				cancel1(parentCause)
				cancel2()
				return ctx
			},
			err:   Canceled,
			cause: parentCause,
		},
		{
			name: "parent of custom context is canceled after",
			ctx: func() Context {
				ctx, cancel1 := WithCancelCause(Background())
				ctx, cancel2 := newCustomContext(ctx)
				cancel2()
				cancel1(parentCause)
				return ctx
			},
			err: Canceled,
			// This isn't really right: the child context was canceled before
			// the parent context, and shouldn't inherit the parent's cause.
			// However, since the child is a custom context, Cause has no way
			// to tell which was canceled first and returns the parent's cause.
			cause: parentCause,
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			simtest.Run(t, func(t *testing.T) {
				ctx := test.ctx()
				if got, want := ctx.Err(), test.err; want != got {
					t.Errorf("ctx.Err() = %v want %v", got, want)
				}
				if got, want := Cause(ctx), test.cause; want != got {
					t.Errorf("Cause(ctx) = %v want %v", got, want)
				}
			})
		})
	}
}

func TestCauseRace(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		cause := errors.New("TestCauseRace")
		ctx, cancel := WithCancelCause(Background())
		sim.Go("", func() {
			cancel(cause)
		})
		for {
			// Poll Cause, rather than waiting for Done, to test that
			// access to the underlying cause is synchronized properly.
			if err := Cause(ctx); err != nil {
				if err != cause {
					t.Errorf("Cause returned %v, want %v", err, cause)
				}
				break
			}
			sim.Gosched()
		}
	})
}

func TestWithoutCancel(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		key, value := "key", "value"
		ctx := WithValue(Background(), key, value)
		ctx = WithoutCancel(ctx)
		if d, ok := ctx.Deadline(); !d.IsZero() || ok != false {
			t.Errorf("ctx.Deadline() = %v, %v want zero, false", d, ok)
		}
		if done := ctx.Done(); done != nil {
			t.Errorf("ctx.Deadline() = %v want nil", done)
		}
		if err := ctx.Err(); err != nil {
			t.Errorf("ctx.Err() = %v want nil", err)
		}
		if v := ctx.Value(key); v != value {
			t.Errorf("ctx.Value(%q) = %q want %q", key, v, value)
		}
	})
}

type customDoneContext struct {
	Context
	donec *sim.Chan[struct{}]
}

func (c *customDoneContext) Done() *sim.Chan[struct{}] {
	return c.donec
}

func TestCustomContextPropagation(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		cause := errors.New("TestCustomContextPropagation")
		donec := sim.MakeChan[struct{}](0)
		ctx1, cancel1 := WithCancelCause(Background())
		ctx2 := &customDoneContext{
			Context: ctx1,
			donec:   donec,
		}
		ctx3, cancel3 := WithCancel(ctx2)
		defer cancel3()

		cancel1(cause)
		if done(ctx3) { // not upstream: ctx3 waits for ctx2's own Done
			t.Error("child canceled by the context its parent wraps")
		}
		donec.Close()

		ctx3.Done().Recv()
		if got, want := ctx3.Err(), Canceled; got != want {
			t.Errorf("child not canceled; got = %v, want = %v", got, want)
		}
		if got, want := Cause(ctx3), cause; got != want {
			t.Errorf("child has wrong cause; got = %v, want = %v", got, want)
		}
	})
}

// customCauseContext is a custom Context used to test context.Cause.
type customCauseContext struct {
	mu   sync.Mutex
	done *sim.Chan[struct{}]
	err  error

	cancelChild CancelFunc
}

func (ccc *customCauseContext) Deadline() (deadline gotime.Time, ok bool) {
	return
}

func (ccc *customCauseContext) Done() *sim.Chan[struct{}] {
	ccc.mu.Lock()
	defer ccc.mu.Unlock()
	return ccc.done
}

func (ccc *customCauseContext) Err() error {
	ccc.mu.Lock()
	defer ccc.mu.Unlock()
	return ccc.err
}

func (ccc *customCauseContext) Value(key any) any {
	return nil
}

func (ccc *customCauseContext) cancel() {
	ccc.mu.Lock()
	ccc.err = Canceled
	ccc.done.Close()
	cancelChild := ccc.cancelChild
	ccc.mu.Unlock()

	if cancelChild != nil {
		cancelChild()
	}
}

func (ccc *customCauseContext) setCancelChild(cancelChild CancelFunc) {
	ccc.cancelChild = cancelChild
}

func TestCustomContextCause(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		// Test if we cancel a custom context, Err and Cause return Canceled.
		ccc := &customCauseContext{
			done: sim.MakeChan[struct{}](0),
		}
		ccc.cancel()
		if got := ccc.Err(); got != Canceled {
			t.Errorf("ccc.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ccc); got != Canceled {
			t.Errorf("Cause(ccc) = %v, want %v", got, Canceled)
		}

		// Test that if we pass a custom context to WithCancelCause,
		// and then cancel that child context with a cause,
		// that the cause of the child canceled context is correct
		// but that the parent custom context is not canceled.
		ccc = &customCauseContext{
			done: sim.MakeChan[struct{}](0),
		}
		ctx, causeFunc := WithCancelCause(ccc)
		cause := errors.New("TestCustomContextCause")
		causeFunc(cause)
		if got := ctx.Err(); got != Canceled {
			t.Errorf("after CancelCauseFunc ctx.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ctx); got != cause {
			t.Errorf("after CancelCauseFunc Cause(ctx) = %v, want %v", got, cause)
		}
		if got := ccc.Err(); got != nil {
			t.Errorf("after CancelCauseFunc ccc.Err() = %v, want %v", got, nil)
		}
		if got := Cause(ccc); got != nil {
			t.Errorf("after CancelCauseFunc Cause(ccc) = %v, want %v", got, nil)
		}

		// Test that if we now cancel the parent custom context,
		// the cause of the child canceled context is still correct,
		// and the parent custom context is canceled without a cause.
		ccc.cancel()
		if got := ctx.Err(); got != Canceled {
			t.Errorf("after CancelCauseFunc ctx.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ctx); got != cause {
			t.Errorf("after CancelCauseFunc Cause(ctx) = %v, want %v", got, cause)
		}
		if got := ccc.Err(); got != Canceled {
			t.Errorf("after CancelCauseFunc ccc.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ccc); got != Canceled {
			t.Errorf("after CancelCauseFunc Cause(ccc) = %v, want %v", got, Canceled)
		}

		// Test that if we associate a custom context with a child,
		// then canceling the custom context cancels the child.
		ccc = &customCauseContext{
			done: sim.MakeChan[struct{}](0),
		}
		ctx, cancelFunc := WithCancel(ccc)
		ccc.setCancelChild(cancelFunc)
		ccc.cancel()
		if got := ctx.Err(); got != Canceled {
			t.Errorf("after CancelCauseFunc ctx.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ctx); got != Canceled {
			t.Errorf("after CancelCauseFunc Cause(ctx) = %v, want %v", got, Canceled)
		}
		if got := ccc.Err(); got != Canceled {
			t.Errorf("after CancelCauseFunc ccc.Err() = %v, want %v", got, Canceled)
		}
		if got := Cause(ccc); got != Canceled {
			t.Errorf("after CancelCauseFunc Cause(ccc) = %v, want %v", got, Canceled)
		}
	})
}

func TestAfterFuncCalledAfterCancel(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx, cancel := WithCancel(Background())
		donec := sim.MakeChan[struct{}](0)
		stop := AfterFunc(ctx, func() {
			donec.Close()
		})
		if sim.Select(false, donec.RecvCase(), time.After(shortDuration).RecvCase()) == 0 {
			t.Error("AfterFunc called before context is done")
			return
		}
		cancel()
		if sim.Select(false, donec.RecvCase(), time.After(veryLongDuration).RecvCase()) == 1 {
			t.Error("AfterFunc not called after context is canceled")
			return
		}
		if stop() {
			t.Error("stop() = true, want false")
		}
	})
}

func TestAfterFuncCalledAfterTimeout(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx, cancel := WithTimeout(Background(), shortDuration)
		defer cancel()
		donec := sim.MakeChan[struct{}](0)
		AfterFunc(ctx, func() {
			donec.Close()
		})
		if sim.Select(false, donec.RecvCase(), time.After(veryLongDuration).RecvCase()) == 1 {
			t.Error("AfterFunc not called after context is canceled")
		}
	})
}

func TestAfterFuncCalledImmediately(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx, cancel := WithCancel(Background())
		cancel()
		donec := sim.MakeChan[struct{}](0)
		AfterFunc(ctx, func() {
			donec.Close()
		})
		if sim.Select(false, donec.RecvCase(), time.After(veryLongDuration).RecvCase()) == 1 {
			t.Error("AfterFunc not called for already-canceled context")
		}
	})
}

func TestAfterFuncNotCalledAfterStop(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx, cancel := WithCancel(Background())
		donec := sim.MakeChan[struct{}](0)
		stop := AfterFunc(ctx, func() {
			donec.Close()
		})
		if !stop() {
			t.Error("stop() = false, want true")
			return
		}
		cancel()
		if sim.Select(false, donec.RecvCase(), time.After(shortDuration).RecvCase()) == 0 {
			t.Error("AfterFunc called for already-canceled context")
			return
		}
		if stop() {
			t.Error("stop() = true, want false")
		}
	})
}

// This test verifies that canceling a context does not block waiting for AfterFuncs to finish.
func TestAfterFuncCalledAsynchronously(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx, cancel := WithCancel(Background())
		donec := sim.MakeChan[struct{}](0)
		stop := AfterFunc(ctx, func() {
			// The channel send blocks until donec is read from.
			donec.Send(struct{}{})
		})
		defer stop()
		cancel()
		// After cancel returns, read from donec and unblock the AfterFunc.
		if sim.Select(false, donec.RecvCase(), time.After(veryLongDuration).RecvCase()) == 1 {
			t.Error("AfterFunc not called after context is canceled")
		}
	})
}

// TestAfterFuncCustomContext is not upstream: AfterFunc on a Context of
// the program's own runs f when its Done is closed, and stop stops the
// goroutine that waits for it.
func TestAfterFuncCustomContext(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ccc := &customCauseContext{done: sim.MakeChan[struct{}](0)}
		donec := sim.MakeChan[struct{}](0)
		AfterFunc(ccc, func() { donec.Close() })
		stopped := &customCauseContext{done: sim.MakeChan[struct{}](0)}
		stop := AfterFunc(stopped, func() { t.Error("AfterFunc called after stop") })
		if !stop() {
			t.Error("stop() = false, want true")
		}
		ccc.cancel()
		stopped.cancel()
		if sim.Select(false, donec.RecvCase(), time.After(veryLongDuration).RecvCase()) == 1 {
			t.Error("AfterFunc not called after the custom context is done")
		}
	})
}

// customContext is a custom Context implementation.
type customContext struct {
	parent Context

	doneOnce sync.Once
	donec    *sim.Chan[struct{}]
	err      error
}

func newCustomContext(parent Context) (Context, CancelFunc) {
	c := &customContext{
		parent: parent,
		donec:  sim.MakeChan[struct{}](0),
	}
	AfterFunc(parent, func() {
		c.doneOnce.Do(func() {
			c.err = parent.Err()
			c.donec.Close()
		})
	})
	return c, func() {
		c.doneOnce.Do(func() {
			c.err = Canceled
			c.donec.Close()
		})
	}
}

func (c *customContext) Deadline() (gotime.Time, bool) {
	return c.parent.Deadline()
}

func (c *customContext) Done() *sim.Chan[struct{}] {
	return c.donec
}

func (c *customContext) Err() error {
	if sim.Select(true, c.donec.RecvCase()) == 0 {
		return c.err
	}
	return nil
}

func (c *customContext) Value(key any) any {
	return c.parent.Value(key)
}

// Issue #75533.
func TestContextErrDoneRace(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		// 4 iterations reliably reproduced #75533.
		for range 10 {
			ctx, cancel := WithCancel(Background())
			donec := ctx.Done()
			sim.Go("", func() { cancel() })
			for ctx.Err() == nil {
				sim.Gosched() // one simulated goroutine runs at a time: yield, as upstream does on wasm
			}
			if sim.Select(true, donec.RecvCase()) != 0 {
				t.Error("ctx.Err is non-nil, but ctx.Done is not closed")
				return
			}
		}
	})
}
