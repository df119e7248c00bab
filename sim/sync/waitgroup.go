// Package sync mirrors the standard library's sync package for simulated
// programs: WaitGroup, Mutex, RWMutex, Once and Cond block and wake
// simulated goroutines on the virtual clock and record what they do;
// Map and Pool, which never block, are the real ones.
//
// Every type has the same methods, zero value, semantics and panic texts as
// the real one ("sync: negative WaitGroup counter", "sync: WaitGroup is
// reused before previous Wait has returned", the fatal "sync: unlock of
// unlocked mutex"…).
package sync

import (
	gosync "sync"
	"unsafe"

	"lanes/sim"
	"lanes/sim/sync/internal/atomic"
	"lanes/sim/trace"
)

// Map is the real sync.Map: it never blocks a goroutine.
type Map = gosync.Map

// Pool is the real sync.Pool.
type Pool = gosync.Pool

// Locker is the real sync.Locker.
type Locker = gosync.Locker

// A WaitGroup waits for a collection of goroutines to finish: Add sets how
// many, each calls Done when finished, and Wait blocks until the counter is
// back to zero. The zero value is an empty group.
//
// Its fields are Go's, so that it prints as Go's does: the counter in the
// high 32 bits of state, the number of waiters in the low ones.
type WaitGroup struct {
	noCopy noCopy
	state  atomic.Uint64
	sema   uint32
}

// wgSim is a WaitGroup's state in a run (see sim.Shadow).
type wgSim struct {
	o       sim.Obj
	n       int64
	waiters []*sim.G
}

func (wg *WaitGroup) use(op sim.Op) (*wgSim, trace.ObjID) {
	s, fresh := sim.Shadow[wgSim](wg)
	if fresh {
		*wg = WaitGroup{}
	}
	id, _ := s.o.UseFor(wg, trace.ObjWaitGroup, op.Line, 0)
	return s, id
}

// show sets the fields Go would have.
func (wg *WaitGroup) show(s *wgSim) {
	wg.state.Store(uint64(s.n)<<32 | uint64(len(s.waiters)))
}

// Add adds delta, which may be negative, to the counter. When the counter
// reaches zero every goroutine blocked in Wait is released; below zero, Add
// panics. Calls with a positive delta that start from zero must happen
// before Wait.
func (wg *WaitGroup) Add(delta int) {
	if op, ok := sim.Begin(); ok {
		wg.add(op, delta)
	}
}

func (wg *WaitGroup) add(op sim.Op, delta int) {
	s, id := wg.use(op)
	n := s.n + int64(delta)
	op.Event(trace.Event{Kind: trace.KindWGAdd, Obj: id, Delta: int64(delta), Value: n})
	s.n = n
	wg.show(s)
	if delta < 0 {
		op.Release(id, sim.SlotMain) // Done happens before Wait returns
	}
	if delta > 0 && n == int64(delta) {
		// As Go's: the first increment must be synchronised with Wait.
		op.Access(unsafe.Pointer(&s.n), "sync.WaitGroup", false)
	}
	if n < 0 {
		sim.Panic("sync: negative WaitGroup counter")
	}
	if len(s.waiters) > 0 && delta > 0 && n == int64(delta) {
		sim.Panic("sync: WaitGroup misuse: Add called concurrently with Wait")
	}
	if n == 0 {
		for _, g := range s.waiters {
			sim.Ready(g)
		}
		s.waiters = nil
		wg.show(s)
	}
}

// Done decrements the counter by one.
func (wg *WaitGroup) Done() {
	if op, ok := sim.Begin(); ok {
		wg.add(op, -1)
	}
}

// Wait blocks until the counter is zero.
func (wg *WaitGroup) Wait() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := wg.use(op)
	op.Event(trace.Event{Kind: trace.KindWGWait, Obj: id, Value: s.n})
	if s.n != 0 {
		if len(s.waiters) == 0 {
			// As Go's: the first waiter must be synchronised with the first Add.
			op.Access(unsafe.Pointer(&s.n), "sync.WaitGroup", true)
		}
		s.waiters = append(s.waiters, op.G())
		wg.show(s)
		op.Block(id, "sync.WaitGroup.Wait")
		if s.n != 0 || len(s.waiters) > 0 {
			sim.Panic("sync: WaitGroup is reused before previous Wait has returned")
		}
	}
	op.Acquire(id, sim.SlotMain)
	op.Event(trace.Event{Kind: trace.KindWGReturn, Obj: id})
}

// Go calls f in a new goroutine and adds that task to the group: Add(1)
// before the go statement, Done when f returns or calls runtime.Goexit.
// If f panics, Done is not called, as in Go 1.26 (go.dev/issue/76126): the
// panic ends the program and Wait does not return first.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	sim.Go(sim.FuncName(f), func() {
		defer func() {
			if x := recover(); x != nil {
				panic(x) // f panicked: the program crashes, Wait stays blocked
			}
			wg.Done()
		}()
		defer sim.Unmark() // f may panic in a statement marked by sim.StepAt
		f()
	})
}
