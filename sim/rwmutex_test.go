package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// rwTwoAndTwo: two writers and two readers, each taking the lock twice.
func rwTwoAndTwo() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	n := 0
	for range 2 {
		wg.Go(func() {
			for range 2 {
				rw.Lock()
				n++
				rw.Unlock()
			}
		})
		wg.Go(func() {
			for range 2 {
				rw.RLock()
				_ = n
				rw.RUnlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("n =", n)
}

// TestRWMutexNoFalseDeadlock: Unlock must let the next writer in too, not
// only the waiting readers (who then blocked again behind it, for good).
func TestRWMutexNoFalseDeadlock(t *testing.T) {
	for _, strategy := range []string{"random", "pct"} {
		rep, err := sim.Explore(rwTwoAndTwo, sim.ExploreOptions{Runs: 1000, Strategy: strategy})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range rep.Outcomes {
			if o.Exit != trace.ExitOK || o.Output != "n = 4\n" {
				t.Errorf("%s: %v %q %q in %d of %d schedules (seed %d), want only ok \"n = 4\\n\"",
					strategy, o.Exit, o.Output, o.Stderr, o.Count, rep.Runs, o.Seed)
			}
		}
	}
}

// TestRWMutexWriterPreference: a blocked Lock keeps new readers out;
// its Unlock lets the readers that waited in before the next writer.
func TestRWMutexWriterPreference(t *testing.T) {
	tr := run(t, func() {
		var rw sync.RWMutex
		var wg sync.WaitGroup
		rw.RLock()
		wg.Go(func() {
			rw.Lock()
			fmt.Println("writer 1")
			time.Sleep(time.Millisecond)
			rw.Unlock()
		})
		time.Sleep(time.Millisecond)
		fmt.Println("TryRLock while a writer waits:", rw.TryRLock())
		wg.Go(func() {
			rw.RLock()
			fmt.Println("reader 2")
			time.Sleep(time.Millisecond)
			rw.RUnlock()
		})
		time.Sleep(time.Millisecond)
		wg.Go(func() {
			rw.Lock()
			fmt.Println("writer 2")
			rw.Unlock()
		})
		time.Sleep(time.Millisecond)
		fmt.Println("reader 1 out")
		rw.RUnlock()
		wg.Wait()
	}, sim.Options{})
	checkOutcome(t, tr.Outcome, "TryRLock while a writer waits: false\nreader 1 out\nwriter 1\nreader 2\nwriter 2\n", trace.ExitOK, "")
}
