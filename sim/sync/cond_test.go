package sync_test

import (
	"reflect"
	"testing"

	"lanes/sim"
	"lanes/sim/internal/simtest"
	. "lanes/sim/sync"
)

// Ported from src/sync/cond_test.go.

func TestCondSignal(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var m Mutex
		c := NewCond(&m)
		n := 2
		running := sim.MakeChan[bool](n)
		awake := sim.MakeChan[bool](n)
		for i := 0; i < n; i++ {
			sim.Go("", func() {
				m.Lock()
				running.Send(true)
				c.Wait()
				awake.Send(true)
				m.Unlock()
			})
		}
		for i := 0; i < n; i++ {
			running.Recv() // Wait for everyone to run.
		}
		for n > 0 {
			switch sim.Select(true, awake.RecvCase()) {
			case 0:
				t.Error("goroutine not asleep")
				return
			default:
			}
			m.Lock()
			c.Signal()
			m.Unlock()
			awake.Recv() // Will deadlock if no goroutine wakes up
			switch sim.Select(true, awake.RecvCase()) {
			case 0:
				t.Error("too many goroutines awake")
				return
			default:
			}
			n--
		}
		c.Signal()
	})
}

func TestCondSignalGenerations(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var m Mutex
		c := NewCond(&m)
		n := 100
		running := sim.MakeChan[bool](n)
		awake := sim.MakeChan[int](n)
		for i := 0; i < n; i++ {
			sim.Go("", func() {
				func(i int) {
					m.Lock()
					running.Send(true)
					c.Wait()
					awake.Send(i)
					m.Unlock()
				}(i)
			})
			if i > 0 {
				a := awake.Recv()
				if a != i-1 {
					t.Errorf("wrong goroutine woke up: want %d, got %d", i-1, a)
					return
				}
			}
			running.Recv()
			m.Lock()
			c.Signal()
			m.Unlock()
		}
	})
}

// TestCondBroadcast runs 20 goroutines where upstream runs 200 (each of
// them for every one of n rounds).
func TestCondBroadcast(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var m Mutex
		c := NewCond(&m)
		n := 20
		running := sim.MakeChan[int](n)
		awake := sim.MakeChan[int](n)
		exit := false
		for i := 0; i < n; i++ {
			sim.Go("", func() {
				func(g int) {
					m.Lock()
					for !exit {
						running.Send(g)
						c.Wait()
						awake.Send(g)
					}
					m.Unlock()
				}(i)
			})
		}
		for i := 0; i < n; i++ {
			for i := 0; i < n; i++ {
				running.Recv() // Will deadlock unless n are running.
			}
			if i == n-1 {
				m.Lock()
				exit = true
				m.Unlock()
			}
			switch sim.Select(true, awake.RecvCase()) {
			case 0:
				t.Error("goroutine not asleep")
				return
			default:
			}
			m.Lock()
			c.Broadcast()
			m.Unlock()
			seen := make([]bool, n)
			for i := 0; i < n; i++ {
				g := awake.Recv()
				if seen[g] {
					t.Error("goroutine woke up twice")
					return
				}
				seen[g] = true
			}
		}
		switch sim.Select(true, running.RecvCase()) {
		case 0:
			t.Error("goroutine did not exit")
			return
		default:
		}
		c.Broadcast()
	})
}

func TestRace(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		x := 0
		c := NewCond(&Mutex{})
		done := sim.MakeChan[bool](0)
		sim.Go("", func() {
			c.L.Lock()
			x = 1
			c.Wait()
			if x != 2 {
				t.Error("want 2")
			}
			x = 3
			c.Signal()
			c.L.Unlock()
			done.Send(true)
		})
		sim.Go("", func() {
			c.L.Lock()
			for {
				if x == 1 {
					x = 2
					c.Signal()
					break
				}
				c.L.Unlock()
				sim.Gosched()
				c.L.Lock()
			}
			c.L.Unlock()
			done.Send(true)
		})
		sim.Go("", func() {
			c.L.Lock()
			for {
				if x == 2 {
					c.Wait()
					if x != 3 {
						t.Error("want 3")
					}
					break
				}
				if x == 3 {
					break
				}
				c.L.Unlock()
				sim.Gosched()
				c.L.Lock()
			}
			c.L.Unlock()
			done.Send(true)
		})
		done.Recv()
		done.Recv()
		done.Recv()
	})
}

// TestCondSignalStealing runs 100 iterations where upstream runs 1000.
func TestCondSignalStealing(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		for iters := 0; iters < 100; iters++ {
			var m Mutex
			cond := NewCond(&m)

			// Start a waiter.
			ch := sim.MakeChan[struct{}](0)
			sim.Go("", func() {
				m.Lock()
				ch.Send(struct{}{})
				cond.Wait()
				m.Unlock()

				ch.Send(struct{}{})
			})

			ch.Recv()
			m.Lock()
			m.Unlock()

			// We know that the waiter is in the cond.Wait() call because we
			// synchronized with it, then acquired/released the mutex it was
			// holding when we synchronized.
			//
			// Start two goroutines that will race: one will broadcast on
			// the cond var, the other will wait on it.
			//
			// The new waiter may or may not get notified, but the first one
			// has to be notified.
			done := false
			sim.Go("", func() {
				cond.Broadcast()
			})

			sim.Go("", func() {
				m.Lock()
				for !done {
					cond.Wait()
				}
				m.Unlock()
			})

			// Check that the first waiter does get signaled.
			ch.Recv()

			// Release the second waiter in case it didn't get the
			// broadcast.
			m.Lock()
			done = true
			m.Unlock()
			cond.Broadcast()
		}
	})
}

// TestCondCopy: a Cond copied after first use panics when used, as Go's
// does.
func TestCondCopy(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		defer func() {
			err := sim.Recover(recover())
			if s, _ := err.(string); s != "sync.Cond is copied" {
				t.Errorf("got %v, expect sync.Cond is copied", err)
			}
		}()
		c := Cond{L: &Mutex{}}
		c.Signal()
		var c2 Cond
		reflect.ValueOf(&c2).Elem().Set(reflect.ValueOf(&c).Elem()) // c2 := c, hidden from vet
		c2.Signal()
	})
}
