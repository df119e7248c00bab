// The tests of golang.org/x/sync v0.25.0's errgroup_test.go, ported onto the
// mirror: each test body is a simulated program (see sim/internal/simtest)
// that calls lanes/sim/errgroup and lanes/sim/context, starts goroutines
// with sim.Go and uses simulated channels. Left out: ExampleGroup_justErrors
// (it fetches URLs over the network), the md5all example (it walks a real
// directory) and BenchmarkGo (the simulator's cost is measured by sim's own
// benchmarks).
package errgroup_test

import (
	"errors"
	gofmt "fmt"
	"testing"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/errgroup"
	"lanes/sim/fmt"
	"lanes/sim/internal/simtest"
	"lanes/sim/time"
)

func TestMain(m *testing.M) { simtest.VerifyTestMain(m) }

type Result string
type Search func(ctx context.Context, query string) (Result, error)

func fakeSearch(kind string) Search {
	return func(_ context.Context, query string) (Result, error) {
		return Result(gofmt.Sprintf("%s result for %q", kind, query)), nil
	}
}

var (
	Web   = fakeSearch("web")
	Image = fakeSearch("image")
	Video = fakeSearch("video")
)

// Parallel illustrates the use of a Group for synchronizing a simple
// parallel task: the "Google Search 2.0" function from
// https://talks.golang.org/2012/concurrency.slide#46, augmented with a
// Context and error-handling. The program runs under sim.Run; the example
// prints what it printed.
func ExampleGroup_parallel() {
	tr := sim.Run(func() {
		Google := func(ctx context.Context, query string) ([]Result, error) {
			g, ctx := errgroup.WithContext(ctx)

			searches := []Search{Web, Image, Video}
			results := make([]Result, len(searches))
			for i, search := range searches {
				g.Go(func() error {
					result, err := search(ctx, query)
					if err == nil {
						results[i] = result
					}
					return err
				})
			}
			if err := g.Wait(); err != nil {
				return nil, err
			}
			return results, nil
		}

		results, err := Google(context.Background(), "golang")
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, result := range results {
			fmt.Println(result)
		}
	}, sim.Options{})
	gofmt.Print(tr.Outcome.Output)

	// Output:
	// web result for "golang"
	// image result for "golang"
	// video result for "golang"
}

func TestZeroGroup(t *testing.T) {
	err1 := errors.New("errgroup_test: 1")
	err2 := errors.New("errgroup_test: 2")

	cases := []struct {
		errs []error
	}{
		{errs: []error{}},
		{errs: []error{nil}},
		{errs: []error{err1}},
		{errs: []error{err1, nil}},
		{errs: []error{err1, nil, err2}},
	}

	simtest.Run(t, func(t *testing.T) {
		for _, tc := range cases {
			g := new(errgroup.Group)

			var firstErr error
			for i, err := range tc.errs {
				g.Go(func() error { return err })

				if firstErr == nil && err != nil {
					firstErr = err
				}

				if gErr := g.Wait(); gErr != firstErr {
					t.Errorf("after %T.Go(func() error { return err }) for err in %v\n"+
						"g.Wait() = %v; want %v",
						g, tc.errs[:i+1], err, firstErr)
				}
			}
		}
	})
}

func TestWithContext(t *testing.T) {
	errDoom := errors.New("group_test: doomed")

	cases := []struct {
		errs []error
		want error
	}{
		{want: nil},
		{errs: []error{nil}, want: nil},
		{errs: []error{errDoom}, want: errDoom},
		{errs: []error{errDoom, nil}, want: errDoom},
	}

	simtest.Run(t, func(t *testing.T) {
		for _, tc := range cases {
			g, ctx := errgroup.WithContext(context.Background())

			for _, err := range tc.errs {
				g.Go(func() error { return err })
			}

			if err := g.Wait(); err != tc.want {
				t.Errorf("after %T.Go(func() error { return err }) for err in %v\n"+
					"g.Wait() = %v; want %v",
					g, tc.errs, err, tc.want)
			}

			canceled := false
			switch sim.Select(true, ctx.Done().RecvCase()) {
			case 0:
				canceled = true
			default:
			}
			if !canceled {
				t.Errorf("after %T.Go(func() error { return err }) for err in %v\n"+
					"ctx.Done() was not closed",
					g, tc.errs)
			}
		}
	})
}

func TestTryGo(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		g := &errgroup.Group{}
		n := 42
		g.SetLimit(42)
		ch := sim.MakeChan[struct{}](0)
		fn := func() error {
			ch.Send(struct{}{})
			return nil
		}
		for i := 0; i < n; i++ {
			if !g.TryGo(fn) {
				t.Errorf("TryGo should succeed but got fail at %d-th call.", i)
				return
			}
		}
		if g.TryGo(fn) {
			t.Errorf("TryGo is expected to fail but succeeded.")
			return
		}
		sim.Go("", func() {
			for i := 0; i < n; i++ {
				ch.Recv()
			}
		})
		g.Wait()

		if !g.TryGo(fn) {
			t.Errorf("TryGo should success but got fail after all goroutines.")
			return
		}
		sim.Go("", func() { ch.Recv() })
		g.Wait()

		// Switch limit.
		g.SetLimit(1)
		if !g.TryGo(fn) {
			t.Errorf("TryGo should success but got failed.")
			return
		}
		if g.TryGo(fn) {
			t.Errorf("TryGo should fail but succeeded.")
			return
		}
		sim.Go("", func() { ch.Recv() })
		g.Wait()

		// Block all calls.
		g.SetLimit(0)
		for i := 0; i < 1<<10; i++ {
			if g.TryGo(fn) {
				t.Errorf("TryGo should fail but got succeeded.")
				return
			}
		}
		g.Wait()
	})
}

// TestGoLimit sleeps a virtual microsecond where upstream sleeps a real one
// to give other goroutines a chance to increment active; the schedules of
// simtest.Run, not the machine's cores, provide the interleavings. The
// counter is a plain int: one simulated goroutine runs at a time.
func TestGoLimit(t *testing.T) {
	const limit = 10

	simtest.Run(t, func(t *testing.T) {
		g := &errgroup.Group{}
		g.SetLimit(limit)
		var active, peak int32
		for i := 0; i <= 1<<10; i++ {
			g.Go(func() error {
				active++
				n := active
				if n > limit {
					return gofmt.Errorf("saw %d active goroutines; want ≤ %d", n, limit)
				}
				peak = max(peak, n)
				time.Sleep(1 * time.Microsecond) // Give other goroutines a chance to increment active.
				active--
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			t.Error(err)
		}
		if peak != limit { // not upstream: the limit is reached, not only respected
			t.Errorf("at most %d goroutines were active; want %d", peak, limit)
		}
	})
}

func TestCancelCause(t *testing.T) {
	errDoom := errors.New("group_test: doomed")

	cases := []struct {
		errs []error
		want error
	}{
		{want: nil},
		{errs: []error{nil}, want: nil},
		{errs: []error{errDoom}, want: errDoom},
		{errs: []error{errDoom, nil}, want: errDoom},
	}

	simtest.Run(t, func(t *testing.T) {
		for _, tc := range cases {
			g, ctx := errgroup.WithContext(context.Background())

			for _, err := range tc.errs {
				g.TryGo(func() error { return err })
			}

			if err := g.Wait(); err != tc.want {
				t.Errorf("after %T.TryGo(func() error { return err }) for err in %v\n"+
					"g.Wait() = %v; want %v",
					g, tc.errs, err, tc.want)
			}

			want := tc.want
			if want == nil {
				want = context.Canceled
			}

			if err := context.Cause(ctx); err != want {
				t.Errorf("after %T.TryGo(func() error { return err }) for err in %v\n"+
					"context.Cause(ctx) = %v; tc.want %v",
					g, tc.errs, err, want)
			}
		}
	})
}
