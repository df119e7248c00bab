// The tests of the standard library's context package (Go 1.26,
// src/context/x_test.go), ported onto the mirror: each test body is a
// simulated program (see sim/internal/simtest) that calls
// lanes/sim/context, lanes/sim/time and simulated channels. A Context's
// Done is a *sim.Chan here, so the custom contexts use one. t.Fatal becomes
// t.Error and return. Timeouts are virtual: quiescent is a fixed 5s and
// shortDuration a virtual millisecond. Left out: the XTest* tests of
// context_test.go (they read the real package's unexported types and
// goroutine counter), TestAllocs (allocation counts), the benchmarks,
// net_test.go, and afterfunc_test.go (contexts with an AfterFunc method
// of their own, which the mirror does not look for: it waits for their
// Done in a goroutine instead).
package context_test

import (
	gofmt "fmt"
	"strings"
	"testing"

	"lanes/sim"
	. "lanes/sim/context"
	"lanes/sim/internal/simtest"
	"lanes/sim/sync"
	"lanes/sim/time"
)

func TestMain(m *testing.M) { simtest.VerifyTestMain(m) }

// otherContext is a Context that's not one of the types defined in context.go.
// This lets us test code paths that differ based on the underlying type of the
// Context.
type otherContext struct {
	Context
}

const (
	shortDuration    = 1 * time.Millisecond // a reasonable duration to block in a test
	veryLongDuration = 1000 * time.Hour     // an arbitrary upper bound on the test's running time
)

// quiescent returns an arbitrary duration by which the program should have
// completed any remaining work and reached a steady (idle) state.
func quiescent(*testing.T) time.Duration { return 5 * time.Second }

// done reports whether c's Done channel is closed, without blocking.
func done(c Context) bool {
	return sim.Select(true, c.Done().RecvCase()) == 0
}

func TestBackground(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c := Background()
		if c == nil {
			t.Error("Background returned nil")
			return
		}
		if done(c) {
			t.Error("<-c.Done() want nothing (it should block)")
		}
		if got, want := gofmt.Sprint(c), "context.Background"; got != want {
			t.Errorf("Background().String() = %q want %q", got, want)
		}
	})
}

func TestTODO(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c := TODO()
		if c == nil {
			t.Error("TODO returned nil")
			return
		}
		if done(c) {
			t.Error("<-c.Done() want nothing (it should block)")
		}
		if got, want := gofmt.Sprint(c), "context.TODO"; got != want {
			t.Errorf("TODO().String() = %q want %q", got, want)
		}
	})
}

func TestWithCancel(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c1, cancel := WithCancel(Background())

		if got, want := gofmt.Sprint(c1), "context.Background.WithCancel"; got != want {
			t.Errorf("c1.String() = %q want %q", got, want)
		}

		o := otherContext{c1}
		c2, _ := WithCancel(o)
		contexts := []Context{c1, o, c2}

		for i, c := range contexts {
			if d := c.Done(); d == nil {
				t.Errorf("c[%d].Done() == %v want non-nil", i, d)
			}
			if e := c.Err(); e != nil {
				t.Errorf("c[%d].Err() == %v want nil", i, e)
			}
			if done(c) {
				t.Errorf("<-c.Done() want nothing (it should block)")
			}
		}

		cancel() // Should propagate synchronously.
		for i, c := range contexts {
			if !done(c) {
				t.Errorf("<-c[%d].Done() blocked, but shouldn't have", i)
			}
			if e := c.Err(); e != Canceled {
				t.Errorf("c[%d].Err() == %v want %v", i, e, Canceled)
			}
		}
	})
}

func testDeadline(c Context, name string, t *testing.T) {
	t.Helper()
	d := quiescent(t)
	timer := time.NewTimer(d)
	defer timer.Stop()
	switch sim.Select(false, timer.C.RecvCase(), c.Done().RecvCase()) {
	case 0:
		t.Errorf("%s: context not timed out after %v", name, d)
		return
	case 1:
	}
	if e := c.Err(); e != DeadlineExceeded {
		t.Errorf("%s: c.Err() == %v; want %v", name, e, DeadlineExceeded)
	}
}

func TestDeadline(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c, _ := WithDeadline(Background(), time.Now().Add(shortDuration))
		if got, prefix := gofmt.Sprint(c), "context.Background.WithDeadline("; !strings.HasPrefix(got, prefix) {
			t.Errorf("c.String() = %q want prefix %q", got, prefix)
		}
		if got, want := gofmt.Sprint(c), "context.Background.WithDeadline(2009-11-10 23:00:00.001 +0000 UTC [1ms])"; got != want { // not upstream: virtual time is exact
			t.Errorf("c.String() = %q want %q", got, want)
		}
		testDeadline(c, "WithDeadline", t)

		c, _ = WithDeadline(Background(), time.Now().Add(shortDuration))
		o := otherContext{c}
		testDeadline(o, "WithDeadline+otherContext", t)

		c, _ = WithDeadline(Background(), time.Now().Add(shortDuration))
		o = otherContext{c}
		c, _ = WithDeadline(o, time.Now().Add(veryLongDuration))
		testDeadline(c, "WithDeadline+otherContext+WithDeadline", t)

		c, _ = WithDeadline(Background(), time.Now().Add(-shortDuration))
		testDeadline(c, "WithDeadline+inthepast", t)

		c, _ = WithDeadline(Background(), time.Now())
		testDeadline(c, "WithDeadline+now", t)
	})
}

func TestTimeout(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c, _ := WithTimeout(Background(), shortDuration)
		if got, prefix := gofmt.Sprint(c), "context.Background.WithDeadline("; !strings.HasPrefix(got, prefix) {
			t.Errorf("c.String() = %q want prefix %q", got, prefix)
		}
		testDeadline(c, "WithTimeout", t)

		c, _ = WithTimeout(Background(), shortDuration)
		o := otherContext{c}
		testDeadline(o, "WithTimeout+otherContext", t)

		c, _ = WithTimeout(Background(), shortDuration)
		o = otherContext{c}
		c, _ = WithTimeout(o, veryLongDuration)
		testDeadline(c, "WithTimeout+otherContext+WithTimeout", t)
	})
}

func TestCanceledTimeout(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		c, _ := WithTimeout(Background(), time.Second)
		o := otherContext{c}
		c, cancel := WithTimeout(o, veryLongDuration)
		cancel() // Should propagate synchronously.
		if !done(c) {
			t.Errorf("<-c.Done() blocked, but shouldn't have")
		}
		if e := c.Err(); e != Canceled {
			t.Errorf("c.Err() == %v want %v", e, Canceled)
		}
	})
}

type key1 int
type key2 int

func (k key2) String() string { return gofmt.Sprintf("%[1]T(%[1]d)", k) }

var k1 = key1(1)
var k2 = key2(1) // same int as k1, different type
var k3 = key2(3) // same type as k2, different int

func TestValues(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		check := func(c Context, nm, v1, v2, v3 string) {
			if v, ok := c.Value(k1).(string); ok == (len(v1) == 0) || v != v1 {
				t.Errorf(`%s.Value(k1).(string) = %q, %t want %q, %t`, nm, v, ok, v1, len(v1) != 0)
			}
			if v, ok := c.Value(k2).(string); ok == (len(v2) == 0) || v != v2 {
				t.Errorf(`%s.Value(k2).(string) = %q, %t want %q, %t`, nm, v, ok, v2, len(v2) != 0)
			}
			if v, ok := c.Value(k3).(string); ok == (len(v3) == 0) || v != v3 {
				t.Errorf(`%s.Value(k3).(string) = %q, %t want %q, %t`, nm, v, ok, v3, len(v3) != 0)
			}
		}

		c0 := Background()
		check(c0, "c0", "", "", "")

		c1 := WithValue(Background(), k1, "c1k1")
		check(c1, "c1", "c1k1", "", "")

		if got, want := gofmt.Sprint(c1), `context.Background.WithValue(context_test.key1, c1k1)`; got != want {
			t.Errorf("c.String() = %q want %q", got, want)
		}

		c2 := WithValue(c1, k2, "c2k2")
		check(c2, "c2", "c1k1", "c2k2", "")

		if got, want := gofmt.Sprint(c2), `context.Background.WithValue(context_test.key1, c1k1).WithValue(context_test.key2(1), c2k2)`; got != want {
			t.Errorf("c.String() = %q want %q", got, want)
		}

		c3 := WithValue(c2, k3, "c3k3")
		check(c3, "c2", "c1k1", "c2k2", "c3k3")

		c4 := WithValue(c3, k1, nil)
		check(c4, "c4", "", "c2k2", "c3k3")

		if got, want := gofmt.Sprint(c4), `context.Background.WithValue(context_test.key1, c1k1).WithValue(context_test.key2(1), c2k2).WithValue(context_test.key2(3), c3k3).WithValue(context_test.key1, <nil>)`; got != want {
			t.Errorf("c.String() = %q want %q", got, want)
		}

		o0 := otherContext{Background()}
		check(o0, "o0", "", "", "")

		o1 := otherContext{WithValue(Background(), k1, "c1k1")}
		check(o1, "o1", "c1k1", "", "")

		o2 := WithValue(o1, k2, "o2k2")
		check(o2, "o2", "c1k1", "o2k2", "")

		o3 := otherContext{c4}
		check(o3, "o3", "", "c2k2", "c3k3")

		o4 := WithValue(o3, k3, nil)
		check(o4, "o4", "", "c2k2", "")
	})
}

// TestSimultaneousCancels starts the cancels and waits on the contexts in
// an order drawn from the run's seed, where upstream ranges over a map.
func TestSimultaneousCancels(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		root, cancel := WithCancel(Background())
		ctxs, cancels := []Context{root}, []CancelFunc{cancel}
		q := []Context{root}
		// Create a tree of contexts.
		for len(q) != 0 && len(ctxs) < 100 {
			parent := q[0]
			q = q[1:]
			for i := 0; i < 4; i++ {
				ctx, cancel := WithCancel(parent)
				ctxs, cancels = append(ctxs, ctx), append(cancels, cancel)
				q = append(q, ctx)
			}
		}
		// Start all the cancels in a random order.
		rng := sim.Rand()
		var wg sync.WaitGroup
		wg.Add(len(cancels))
		for _, i := range rng.Perm(len(cancels)) {
			cancel := cancels[i]
			sim.Go("", func() {
				cancel()
				wg.Done()
			})
		}

		d := quiescent(t)
		stuck := sim.MakeChan[struct{}](0)
		timer := time.AfterFunc(d, func() { stuck.Close() })
		defer timer.Stop()

		// Wait on all the contexts in a random order.
		for _, i := range rng.Perm(len(ctxs)) {
			if sim.Select(false, ctxs[i].Done().RecvCase(), stuck.RecvCase()) == 1 {
				t.Errorf("timed out after %v waiting for <-ctx.Done()", d)
				return
			}
		}
		// Wait for all the cancel functions to return.
		donec := sim.MakeChan[struct{}](0)
		sim.Go("", func() {
			wg.Wait()
			donec.Close()
		})
		if sim.Select(false, donec.RecvCase(), stuck.RecvCase()) == 1 {
			t.Errorf("timed out after %v waiting for cancel functions", d)
		}
	})
}

func TestInterlockedCancels(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		parent, cancelParent := WithCancel(Background())
		child, cancelChild := WithCancel(parent)
		sim.Go("", func() {
			parent.Done().Recv()
			cancelChild()
		})
		cancelParent()
		d := quiescent(t)
		timer := time.NewTimer(d)
		defer timer.Stop()
		if sim.Select(false, child.Done().RecvCase(), timer.C.RecvCase()) == 1 {
			t.Errorf("timed out after %v waiting for child.Done()", d)
		}
	})
}

// TestLayersCancel and TestLayersTimeout draw the layers from the run's
// seed (one per schedule of simtest.Run), where upstream seeds with the
// wall clock.
func TestLayersCancel(t *testing.T) {
	simtest.Run(t, func(t *testing.T) { testLayers(t, false) })
}

func TestLayersTimeout(t *testing.T) {
	simtest.Run(t, func(t *testing.T) { testLayers(t, true) })
}

func testLayers(t *testing.T, testTimeout bool) {
	r := sim.Rand()
	errorf := func(format string, a ...any) {
		t.Errorf(format, a...)
	}
	const (
		minLayers = 30
	)
	type value int
	var (
		vals      []*value
		cancels   []CancelFunc
		numTimers int
		ctx       = Background()
	)
	for i := 0; i < minLayers || numTimers == 0 || len(cancels) == 0 || len(vals) == 0; i++ {
		switch r.IntN(3) {
		case 0:
			v := new(value)
			ctx = WithValue(ctx, v, v)
			vals = append(vals, v)
		case 1:
			var cancel CancelFunc
			ctx, cancel = WithCancel(ctx)
			cancels = append(cancels, cancel)
		case 2:
			var cancel CancelFunc
			d := veryLongDuration
			if testTimeout {
				d = shortDuration
			}
			ctx, cancel = WithTimeout(ctx, d)
			cancels = append(cancels, cancel)
			numTimers++
		}
	}
	checkValues := func(when string) {
		for _, key := range vals {
			if val := ctx.Value(key).(*value); key != val {
				errorf("%s: ctx.Value(%p) = %p want %p", when, key, val, key)
			}
		}
	}
	if !testTimeout {
		if done(ctx) {
			errorf("ctx should not be canceled yet")
		}
	}
	if s, prefix := gofmt.Sprint(ctx), "context.Background."; !strings.HasPrefix(s, prefix) {
		t.Errorf("ctx.String() = %q want prefix %q", s, prefix)
	}
	checkValues("before cancel")
	if testTimeout {
		d := quiescent(t)
		timer := time.NewTimer(d)
		defer timer.Stop()
		if sim.Select(false, ctx.Done().RecvCase(), timer.C.RecvCase()) == 1 {
			errorf("ctx should have timed out after %v", d)
		}
		checkValues("after timeout")
	} else {
		cancel := cancels[r.IntN(len(cancels))]
		cancel()
		if !done(ctx) {
			errorf("ctx should be canceled")
		}
		checkValues("after cancel")
	}
}

func TestWithCancelCanceledParent(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		parent, pcancel := WithCancelCause(Background())
		cause := gofmt.Errorf("Because!")
		pcancel(cause)

		c, _ := WithCancel(parent)
		if !done(c) {
			t.Errorf("child not done immediately upon construction")
		}
		if got, want := c.Err(), Canceled; got != want {
			t.Errorf("child not canceled; got = %v, want = %v", got, want)
		}
		if got, want := Cause(c), cause; got != want {
			t.Errorf("child has wrong cause; got = %v, want = %v", got, want)
		}
	})
}

func TestWithCancelSimultaneouslyCanceledParent(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		// Cancel the parent goroutine concurrently with creating a child.
		for i := 0; i < 100; i++ {
			parent, pcancel := WithCancelCause(Background())
			cause := gofmt.Errorf("Because!")
			sim.Go("", func() { pcancel(cause) })

			c, _ := WithCancel(parent)
			c.Done().Recv()
			if got, want := c.Err(), Canceled; got != want {
				t.Errorf("child not canceled; got = %v, want = %v", got, want)
			}
			if got, want := Cause(c), cause; got != want {
				t.Errorf("child has wrong cause; got = %v, want = %v", got, want)
			}
		}
	})
}

func TestWithValueChecksKey(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		panicVal := recoveredValue(func() { _ = WithValue(Background(), []byte("foo"), "bar") })
		if panicVal == nil {
			t.Error("expected panic")
		}
		panicVal = recoveredValue(func() { _ = WithValue(Background(), nil, "bar") })
		if got, want := gofmt.Sprint(panicVal), "nil key"; got != want {
			t.Errorf("panic = %q; want %q", got, want)
		}
	})
}

func TestInvalidDerivedFail(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		panicVal := recoveredValue(func() { _, _ = WithCancel(nil) })
		if panicVal == nil {
			t.Error("expected panic")
		}
		panicVal = recoveredValue(func() { _, _ = WithDeadline(nil, time.Now().Add(shortDuration)) })
		if panicVal == nil {
			t.Error("expected panic")
		}
		panicVal = recoveredValue(func() { _ = WithValue(nil, "foo", "bar") })
		if panicVal == nil {
			t.Error("expected panic")
		}
	})
}

func recoveredValue(fn func()) (v any) {
	defer func() { v = sim.Recover(recover()) }()
	fn()
	return
}

func TestDeadlineExceededSupportsTimeout(t *testing.T) {
	i, ok := DeadlineExceeded.(interface {
		Timeout() bool
	})
	if !ok {
		t.Fatal("DeadlineExceeded does not support Timeout interface")
	}
	if !i.Timeout() {
		t.Fatal("wrong value for timeout")
	}
}
