// The tests of the standard library's sync package (Go 1.26,
// src/sync/*_test.go), ported onto the mirror: each test body is a
// simulated program (see sim/internal/simtest) that calls lanes/sim/sync,
// starts goroutines with sim.Go and uses simulated channels. t.Fatal
// becomes t.Error and return: a body must not end its goroutine with
// runtime.Goexit. Left out everywhere: benchmarks (sim's own benchmarks
// measure the simulator), runtime internals (TestSemaphore's
// Runtime_Semacquire), Map and Pool (the real ones), and what depends on
// allocation counts, the garbage collector or stack traces
// (TestOnceFunc's AllocsPerRun checks, TestOnceXGC,
// TestOnceFuncPanicTraceback).
package sync_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/internal/simtest"
	. "lanes/sim/sync"
	"lanes/sim/trace"
)

func TestMain(m *testing.M) { simtest.VerifyTestMain(m) }

func testWaitGroup(t *testing.T, wg1 *WaitGroup, wg2 *WaitGroup) {
	n := 16
	wg1.Add(n)
	wg2.Add(n)
	exited := sim.MakeChan[bool](n)
	for i := 0; i != n; i++ {
		sim.Go("", func() {
			wg1.Done()
			wg2.Wait()
			exited.Send(true)
		})
	}
	wg1.Wait()
	for i := 0; i != n; i++ {
		switch sim.Select(true, exited.RecvCase()) {
		case 0:
			t.Error("WaitGroup released group too soon")
			return
		default:
		}
		wg2.Done()
	}
	for i := 0; i != n; i++ {
		exited.Recv() // Will block if barrier fails to unlock someone.
	}
}

func TestWaitGroup(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		wg1 := &WaitGroup{}
		wg2 := &WaitGroup{}

		// Run the same test a few times to ensure barrier is in a proper state.
		for i := 0; i != 8; i++ {
			testWaitGroup(t, wg1, wg2)
		}
	})
}

func TestWaitGroupMisuse(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		defer func() {
			err := sim.Recover(recover())
			if err != "sync: negative WaitGroup counter" {
				t.Errorf("Unexpected panic: %#v", err)
			}
		}()
		wg := &WaitGroup{}
		wg.Add(1)
		wg.Done()
		wg.Done()
		t.Error("Should panic")
	})
}

// TestWaitGroupRace runs 100 rounds where upstream runs 1000 "for about
// 1ms": the interleavings come from simtest.Run's schedules.
func TestWaitGroupRace(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		for i := 0; i < 100; i++ {
			wg := &WaitGroup{}
			n := new(int32)
			// spawn goroutine 1
			wg.Add(1)
			sim.Go("", func() {
				*n++
				wg.Done()
			})
			// spawn goroutine 2
			wg.Add(1)
			sim.Go("", func() {
				*n++
				wg.Done()
			})
			// Wait for goroutine 1 and 2
			wg.Wait()
			if *n != 2 {
				t.Error("Spurious wakeup from Wait")
				return
			}
		}
	})
}

func TestWaitGroupAlign(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		type X struct {
			x  byte
			wg WaitGroup
		}
		var x X
		x.wg.Add(1)
		sim.Go("", func() {
			func(x *X) {
				x.wg.Done()
			}(&x)
		})
		x.wg.Wait()
	})
}

func TestWaitGroupGo(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		wg := &WaitGroup{}
		var i int
		wg.Go(func() {
			i++
		})
		wg.Wait()
		if i != 1 {
			t.Errorf("got %d, want 1", i)
		}
	})
}

// TestIssue76126: an unhandled panic in a Go goroutine ends the program
// without Wait returning. Upstream runs a child process; here the program's
// outcome is the simulator's.
func TestIssue76126(t *testing.T) {
	for _, o := range simtest.Schedules() {
		t.Run(simtest.Name(o), func(t *testing.T) {
			tr := simtest.Exec(t, o, func() {
				var wg WaitGroup
				wg.Go(func() {
					panic("test")
				})
				wg.Wait()              // process should terminate here
				panic("Wait returned") // must not be reached
			})
			if got, want := tr.Outcome.Exit, trace.ExitPanic; got != want {
				t.Errorf("exit = %v, want %v", got, want)
			}
			if got, want := tr.Outcome.Stderr, "panic: test\n"; len(got) < len(want) || got[:len(want)] != want {
				t.Errorf("stderr = %q, want it to start with %q", got, want)
			}
		})
	}
}
