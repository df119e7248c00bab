package sync_test

import (
	"strings"
	"testing"

	"lanes/sim"
	"lanes/sim/internal/simtest"
	. "lanes/sim/sync"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// Ported from src/sync/mutex_test.go. Left out: TestSemaphore (it hammers
// the runtime's semaphore, which the simulator does not have).

func HammerMutex(m *Mutex, loops int, cdone *sim.Chan[bool]) {
	for i := 0; i < loops; i++ {
		if i%3 == 0 {
			if m.TryLock() {
				m.Unlock()
			}
			continue
		}
		m.Lock()
		m.Unlock()
	}
	cdone.Send(true)
}

// TestMutex hammers with 10 goroutines of 100 loops where upstream runs
// 1000 (and sets the mutex profile fraction, which has no simulated
// counterpart).
func TestMutex(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		m := new(Mutex)

		m.Lock()
		if m.TryLock() {
			t.Error("TryLock succeeded with mutex locked")
			return
		}
		m.Unlock()
		if !m.TryLock() {
			t.Error("TryLock failed with mutex unlocked")
			return
		}
		m.Unlock()

		c := sim.MakeChan[bool](0)
		for i := 0; i < 10; i++ {
			sim.Go("", func() { HammerMutex(m, 100, c) })
		}
		for i := 0; i < 10; i++ {
			c.Recv()
		}
	})
}

var misuseTests = []struct {
	name string
	f    func()
}{
	{
		"Mutex.Unlock",
		func() {
			var mu Mutex
			mu.Unlock()
		},
	},
	{
		"Mutex.Unlock2",
		func() {
			var mu Mutex
			mu.Lock()
			mu.Unlock()
			mu.Unlock()
		},
	},
	{
		"RWMutex.Unlock",
		func() {
			var mu RWMutex
			mu.Unlock()
		},
	},
	{
		"RWMutex.Unlock2",
		func() {
			var mu RWMutex
			mu.RLock()
			mu.Unlock()
		},
	},
	{
		"RWMutex.Unlock3",
		func() {
			var mu RWMutex
			mu.Lock()
			mu.Unlock()
			mu.Unlock()
		},
	},
	{
		"RWMutex.RUnlock",
		func() {
			var mu RWMutex
			mu.RUnlock()
		},
	},
	{
		"RWMutex.RUnlock2",
		func() {
			var mu RWMutex
			mu.Lock()
			mu.RUnlock()
		},
	},
	{
		"RWMutex.RUnlock3",
		func() {
			var mu RWMutex
			mu.RLock()
			mu.RUnlock()
			mu.RUnlock()
		},
	},
}

// TestMutexMisuse: each misuse is a fatal error that recover cannot stop.
// Upstream runs each in a child process; here each is a program whose
// outcome is the simulator's.
func TestMutexMisuse(t *testing.T) {
	for _, test := range misuseTests {
		t.Run(test.name, func(t *testing.T) {
			tr := simtest.Exec(t, sim.Options{}, func() {
				func() {
					defer func() { sim.Recover(recover()) }()
					test.f()
				}()
				sim.Print("test completed\n")
			})
			o := tr.Outcome
			if o.Exit != trace.ExitFatal || !strings.Contains(o.Stderr, "unlocked") {
				t.Errorf("%s: did not find failure with message about unlocked lock: %v\n%s%s", test.name, o.Exit, o.Output, o.Stderr)
			}
		})
	}
}

// TestMutexFairness: a goroutine that waits for the lock more than 1ms
// gets it (Go's starvation mode), although another keeps taking it back.
// The sleeps and the 10s timeout are virtual.
func TestMutexFairness(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var mu Mutex
		stop := sim.MakeChan[bool](0)
		defer stop.Close()
		sim.Go("", func() {
			for {
				mu.Lock()
				time.Sleep(100 * time.Microsecond)
				mu.Unlock()
				switch sim.Select(true, stop.RecvCase()) {
				case 0:
					return
				default:
				}
			}
		})
		done := sim.MakeChan[bool](1)
		sim.Go("", func() {
			for i := 0; i < 10; i++ {
				time.Sleep(100 * time.Microsecond)
				mu.Lock()
				mu.Unlock()
			}
			done.Send(true)
		})
		c0, c1 := done.RecvCase(), time.After(10*time.Second).RecvCase()
		switch sim.Select(false, c0, c1) {
		case 0:
		case 1:
			t.Error("can't acquire Mutex in 10 seconds")
		}
	})
}
