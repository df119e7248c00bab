package sync_test

import (
	gofmt "fmt"
	"testing"

	"lanes/sim"
	"lanes/sim/internal/simtest"
	. "lanes/sim/sync"
)

// Ported from src/sync/rwmutex_test.go. runtime.GOMAXPROCS changes nothing
// in the simulator (one processor): the schedules of simtest.Run stand for
// the parallelism.

func parallelReader(m *RWMutex, clocked, cunlock, cdone *sim.Chan[bool]) {
	m.RLock()
	clocked.Send(true)
	cunlock.Recv()
	m.RUnlock()
	cdone.Send(true)
}

func doTestParallelReaders(numReaders int) {
	var m RWMutex
	clocked := sim.MakeChan[bool](0)
	cunlock := sim.MakeChan[bool](0)
	cdone := sim.MakeChan[bool](0)
	for i := 0; i < numReaders; i++ {
		sim.Go("", func() { parallelReader(&m, clocked, cunlock, cdone) })
	}
	// Wait for all parallel RLock()s to succeed.
	for i := 0; i < numReaders; i++ {
		clocked.Recv()
	}
	for i := 0; i < numReaders; i++ {
		cunlock.Send(true)
	}
	// Wait for the goroutines to finish.
	for i := 0; i < numReaders; i++ {
		cdone.Recv()
	}
}

func TestParallelReaders(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		doTestParallelReaders(1)
		doTestParallelReaders(3)
		doTestParallelReaders(4)
	})
}

func reader(rwm *RWMutex, num_iterations int, activity *int32, cdone *sim.Chan[bool]) {
	for i := 0; i < num_iterations; i++ {
		rwm.RLock()
		*activity++
		n := *activity
		if n < 1 || n >= 10000 {
			rwm.RUnlock()
			panic(gofmt.Sprintf("wlock(%d)\n", n))
		}
		sim.Gosched() // upstream spins here while other processors run
		*activity--
		rwm.RUnlock()
	}
	cdone.Send(true)
}

func writer(rwm *RWMutex, num_iterations int, activity *int32, cdone *sim.Chan[bool]) {
	for i := 0; i < num_iterations; i++ {
		rwm.Lock()
		*activity += 10000
		n := *activity
		if n != 10000 {
			rwm.Unlock()
			panic(gofmt.Sprintf("wlock(%d)\n", n))
		}
		sim.Gosched() // upstream spins here while other processors run
		*activity -= 10000
		rwm.Unlock()
	}
	cdone.Send(true)
}

// HammerRWMutex: activity is a plain counter, as one simulated goroutine
// runs at a time, and the readers and writers yield (sim.Gosched) while
// they hold the lock where upstream spins, so that others try to get in.
func HammerRWMutex(numReaders, num_iterations int) {
	// Number of active readers + 10000 * number of active writers.
	var activity int32
	var rwm RWMutex
	cdone := sim.MakeChan[bool](0)
	sim.Go("", func() { writer(&rwm, num_iterations, &activity, cdone) })
	var i int
	for i = 0; i < numReaders/2; i++ {
		sim.Go("", func() { reader(&rwm, num_iterations, &activity, cdone) })
	}
	sim.Go("", func() { writer(&rwm, num_iterations, &activity, cdone) })
	for ; i < numReaders; i++ {
		sim.Go("", func() { reader(&rwm, num_iterations, &activity, cdone) })
	}
	// Wait for the 2 writers and all readers to finish.
	for i := 0; i < 2+numReaders; i++ {
		cdone.Recv()
	}
}

// TestRWMutex hammers with 20 iterations where upstream runs 1000 (5 with
// -short), once per number of readers where upstream repeats it for
// GOMAXPROCS 1, 4 and 10.
func TestRWMutex(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var m RWMutex

		m.Lock()
		if m.TryLock() {
			t.Error("TryLock succeeded with mutex locked")
			return
		}
		if m.TryRLock() {
			t.Error("TryRLock succeeded with mutex locked")
			return
		}
		m.Unlock()

		if !m.TryLock() {
			t.Error("TryLock failed with mutex unlocked")
			return
		}
		m.Unlock()

		if !m.TryRLock() {
			t.Error("TryRLock failed with mutex unlocked")
			return
		}
		if !m.TryRLock() {
			t.Error("TryRLock failed with mutex rlocked")
			return
		}
		if m.TryLock() {
			t.Error("TryLock succeeded with mutex rlocked")
			return
		}
		m.RUnlock()
		m.RUnlock()
	})
	t.Run("hammer", func(t *testing.T) {
		simtest.Run(t, func(t *testing.T) {
			n := 20
			HammerRWMutex(1, n)
			HammerRWMutex(3, n)
			HammerRWMutex(10, n)
			HammerRWMutex(5, n)
		})
	})
}

func TestRLocker(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var wl RWMutex
		var rl Locker
		wlocked := sim.MakeChan[bool](1)
		rlocked := sim.MakeChan[bool](1)
		rl = wl.RLocker()
		n := 10
		sim.Go("", func() {
			for i := 0; i < n; i++ {
				rl.Lock()
				rl.Lock()
				rlocked.Send(true)
				wl.Lock()
				wlocked.Send(true)
			}
		})
		for i := 0; i < n; i++ {
			rlocked.Recv()
			rl.Unlock()
			switch sim.Select(true, wlocked.RecvCase()) {
			case 0:
				t.Error("RLocker() didn't read-lock it")
				return
			default:
			}
			rl.Unlock()
			wlocked.Recv()
			switch sim.Select(true, rlocked.RecvCase()) {
			case 0:
				t.Error("RLocker() didn't respect the write lock")
				return
			default:
			}
			wl.Unlock()
		}
	})
}
