// The tests of golang.org/x/sync v0.25.0's semaphore_test.go and
// semaphore_example_test.go, ported onto the mirror: each test body is a
// simulated program (see sim/internal/simtest) that calls
// lanes/sim/semaphore, lanes/sim/context and the other mirrors, and starts
// goroutines with sim.Go. Upstream's t.Parallel calls are dropped (runs are
// serialised); where a test sizes itself by runtime.GOMAXPROCS (1 in the
// simulator) it uses a fixed 4 so that goroutines contend. Left out:
// semaphore_bench_test.go (the simulator's cost is measured by sim's own
// benchmarks).
package semaphore_test

import (
	gofmt "fmt"
	"testing"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/errgroup"
	"lanes/sim/fmt"
	"lanes/sim/internal/simtest"
	"lanes/sim/rand"
	"lanes/sim/semaphore"
	"lanes/sim/sync"
	"lanes/sim/time"
)

func TestMain(m *testing.M) { simtest.VerifyTestMain(m) }

// procs stands for runtime.GOMAXPROCS(0) on a machine with several cores.
const procs = 4

const maxSleep = 1 * time.Millisecond

func HammerWeighted(sem *semaphore.Weighted, n int64, loops int) {
	for i := 0; i < loops; i++ {
		sem.Acquire(context.Background(), n)
		time.Sleep(time.Duration(rand.Int63n(int64(maxSleep/time.Nanosecond))) * time.Nanosecond)
		sem.Release(n)
	}
}

// TestWeighted hammers the semaphore with 100 loops per goroutine, where
// upstream runs 10000/GOMAXPROCS: the sleeps are virtual and seeded.
func TestWeighted(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		n := procs
		loops := 100
		sem := semaphore.NewWeighted(int64(n))
		var wg sync.WaitGroup
		wg.Add(n)
		for i := 0; i < n; i++ {
			sim.Go("", func() {
				defer wg.Done()
				HammerWeighted(sem, int64(i), loops)
			})
		}
		wg.Wait()
	})
}

func TestWeightedPanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		defer func() {
			if sim.Recover(recover()) == nil {
				t.Error("release of an unacquired weighted semaphore did not panic")
			}
		}()
		w := semaphore.NewWeighted(1)
		w.Release(1)
	})
}

func TestWeightedNegativeSizePanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		defer func() {
			if sim.Recover(recover()) == nil {
				t.Error("NewWeighted with negative size did not panic")
			}
		}()
		semaphore.NewWeighted(-1)
	})
}

func TestWeightedZeroSize(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		w := semaphore.NewWeighted(0)
		if !w.TryAcquire(0) {
			t.Error("TryAcquire on a zero-sized semaphore with zero weight failed")
		}
	})
}

func TestWeightedNegativeWeightPanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx := context.Background()
		w := semaphore.NewWeighted(1)

		func() {
			defer func() {
				if sim.Recover(recover()) == nil {
					t.Error("Acquire with negative weight did not panic")
				}
			}()
			w.Acquire(ctx, -1)
		}()

		func() {
			defer func() {
				if sim.Recover(recover()) == nil {
					t.Error("TryAcquire with negative weight did not panic")
				}
			}()
			w.TryAcquire(-1)
		}()

		func() {
			defer func() {
				if sim.Recover(recover()) == nil {
					t.Error("Release with negative weight did not panic")
				}
			}()
			w.Release(-1)
		}()
	})
}

func TestWeightedTryAcquire(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx := context.Background()
		sem := semaphore.NewWeighted(2)
		tries := []bool{}
		sem.Acquire(ctx, 1)
		tries = append(tries, sem.TryAcquire(1))
		tries = append(tries, sem.TryAcquire(1))

		sem.Release(2)

		tries = append(tries, sem.TryAcquire(1))
		sem.Acquire(ctx, 1)
		tries = append(tries, sem.TryAcquire(1))

		want := []bool{true, false, true, false}
		for i := range tries {
			if tries[i] != want[i] {
				t.Errorf("tries[%d]: got %t, want %t", i, tries[i], want[i])
			}
		}
	})
}

// TestWeightedAcquire's 10ms timeouts are virtual: the failing tries end
// at exactly 10ms and 20ms.
func TestWeightedAcquire(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx := context.Background()
		sem := semaphore.NewWeighted(2)
		tryAcquire := func(n int64) bool {
			ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
			defer cancel()
			return sem.Acquire(ctx, n) == nil
		}

		tries := []bool{}
		sem.Acquire(ctx, 1)
		tries = append(tries, tryAcquire(1))
		tries = append(tries, tryAcquire(1))

		sem.Release(2)

		tries = append(tries, tryAcquire(1))
		sem.Acquire(ctx, 1)
		tries = append(tries, tryAcquire(1))

		want := []bool{true, false, true, false}
		for i := range tries {
			if tries[i] != want[i] {
				t.Errorf("tries[%d]: got %t, want %t", i, tries[i], want[i])
			}
		}
		if got, want := sim.Now(), 20*time.Millisecond; got != want { // not upstream
			t.Errorf("virtual time at the end = %v, want %v", got, want)
		}
	})
}

func TestWeightedDoesntBlockIfTooBig(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		const n = 2
		sem := semaphore.NewWeighted(n)
		{
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			sim.Go("", func() { sem.Acquire(ctx, n+1) })
		}

		g, ctx := errgroup.WithContext(context.Background())
		for i := n * 3; i > 0; i-- {
			g.Go(func() error {
				err := sem.Acquire(ctx, 1)
				if err == nil {
					time.Sleep(1 * time.Millisecond)
					sem.Release(1)
				}
				return err
			})
		}
		if err := g.Wait(); err != nil {
			t.Errorf("semaphore.NewWeighted(%v) failed to AcquireCtx(_, 1) with AcquireCtx(_, %v) pending", n, n+1)
		}
	})
}

// TestLargeAcquireDoesntStarve fails (the run deadlocks or reaches its step
// limit) if a large call to Acquire starves. Merely returning from the test
// function indicates success.
func TestLargeAcquireDoesntStarve(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		ctx := context.Background()
		n := int64(procs)
		sem := semaphore.NewWeighted(n)
		running := true

		var wg sync.WaitGroup
		wg.Add(int(n))
		for i := n; i > 0; i-- {
			sem.Acquire(ctx, 1)
			sim.Go("", func() {
				defer func() {
					sem.Release(1)
					wg.Done()
				}()
				for running {
					time.Sleep(1 * time.Millisecond)
					sem.Release(1)
					sem.Acquire(ctx, 1)
				}
			})
		}

		sem.Acquire(ctx, n)
		running = false
		sem.Release(n)
		wg.Wait()
	})
}

// translated from https://github.com/zhiqiangxu/util/blob/master/mutex/crwmutex_test.go#L43
func TestAllocCancelDoesntStarve(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		sem := semaphore.NewWeighted(10)

		// Block off a portion of the semaphore so that Acquire(_, 10) can eventually succeed.
		sem.Acquire(context.Background(), 1)

		// In the background, Acquire(_, 10).
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		sim.Go("", func() {
			sem.Acquire(ctx, 10)
		})

		// Wait until the Acquire(_, 10) call blocks.
		for sem.TryAcquire(1) {
			sem.Release(1)
			sim.Gosched()
		}

		// Now try to grab a read lock, and simultaneously unblock the Acquire(_, 10) call.
		// Both Acquire calls should unblock and return, in either order.
		sim.Go("", func() { cancel() })

		err := sem.Acquire(context.Background(), 1)
		if err != nil {
			t.Errorf("Acquire(_, 1) failed unexpectedly: %v", err)
			return
		}
		sem.Release(1)
	})
}

func TestWeightedAcquireCanceled(t *testing.T) {
	// https://go.dev/issue/63615
	simtest.Run(t, func(t *testing.T) {
		sem := semaphore.NewWeighted(2)
		ctx, cancel := context.WithCancel(context.Background())
		sem.Acquire(context.Background(), 1)
		ch := sim.MakeChan[struct{}](0)
		sim.Go("", func() {
			// Synchronize with the Acquire(2) below.
			for sem.TryAcquire(1) {
				sem.Release(1)
			}
			// Now cancel ctx, and then release the token.
			cancel()
			sem.Release(1)
			ch.Close()
		})
		// Since the context being closed happens before enough tokens become available,
		// this Acquire must fail.
		if err := sem.Acquire(ctx, 2); err != context.Canceled {
			t.Errorf("Acquire with canceled context returned wrong error: want context.Canceled, got %v", err)
		}
		// There must always be two tokens in the semaphore after the other
		// goroutine releases the one we held at the start.
		ch.Recv()
		if !sem.TryAcquire(2) {
			t.Error("TryAcquire after canceled Acquire failed")
			return
		}
		// Additionally verify that we don't acquire with a done context even when
		// we wouldn't need to block to do so.
		sem.Release(2)
		if err := sem.Acquire(ctx, 1); err != context.Canceled {
			t.Errorf("Acquire with canceled context returned wrong error: want context.Canceled, got %v", err)
		}
	})
}

// Example_workerPool demonstrates how to use a semaphore to limit the number of
// goroutines working on parallel tasks.
//
// This use of a semaphore mimics a typical “worker pool” pattern, but without
// the need to explicitly shut down idle workers when the work is done.
//
// The program runs under sim.Run with maxWorkers = 4 (GOMAXPROCS is 1 in the
// simulator), log.Printf becomes fmt.Println, and the example prints what
// the program printed.
func Example_workerPool() {
	tr := sim.Run(func() {
		ctx := context.TODO()

		var (
			maxWorkers = procs
			sem        = semaphore.NewWeighted(int64(maxWorkers))
			out        = make([]int, 32)
		)

		// Compute the output using up to maxWorkers goroutines at a time.
		for i := range out {
			// When maxWorkers goroutines are in flight, Acquire blocks until one of the
			// workers finishes.
			if err := sem.Acquire(ctx, 1); err != nil {
				fmt.Println("Failed to acquire semaphore:", err)
				break
			}

			sim.Go("", func() {
				defer sem.Release(1)
				out[i] = collatzSteps(i + 1)
			})
		}

		// Acquire all of the tokens to wait for any remaining workers to finish.
		//
		// If you are already waiting for the workers by some other means (such as an
		// errgroup.Group), you can omit this final Acquire call.
		if err := sem.Acquire(ctx, int64(maxWorkers)); err != nil {
			fmt.Println("Failed to acquire semaphore:", err)
		}

		fmt.Println(out)
	}, sim.Options{})
	gofmt.Print(tr.Outcome.Output)

	// Output:
	// [0 1 7 2 5 8 16 3 19 6 14 9 9 17 17 4 12 20 20 7 7 15 15 10 23 10 111 18 18 18 106 5]
}

// collatzSteps computes the number of steps to reach 1 under the Collatz
// conjecture. (See https://en.wikipedia.org/wiki/Collatz_conjecture.)
func collatzSteps(n int) (steps int) {
	if n <= 0 {
		panic("nonpositive input")
	}

	for ; n > 1; steps++ {
		if steps < 0 {
			panic("too many steps")
		}

		if n%2 == 0 {
			n /= 2
			continue
		}

		const maxInt = int(^uint(0) >> 1)
		if n > (maxInt-1)/3 {
			panic("overflow")
		}
		n = 3*n + 1
	}

	return steps
}
