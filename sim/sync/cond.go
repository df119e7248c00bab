package sync

import (
	"unsafe"

	"lanes/sim"
	"lanes/sim/trace"
)

// Cond is a condition variable: goroutines Wait for an event that another
// Signals (one waiter) or Broadcasts (all of them). A Cond must not be
// copied after first use: as in Go, using a copy panics with "sync.Cond is
// copied".
//
// Its fields are Go's, so that it prints as Go's does (notify counts the
// Waits and the wake-ups; checker, set at first use, holds its own
// address, as Go's copy check does); the waiting goroutines are kept aside
// (sim.Shadow).
type Cond struct {
	noCopy noCopy

	L Locker

	notify  notifyList
	checker copyChecker
}

// notifyList is Go's runtime notify list, as sync.Cond holds it: wait is
// the ticket of the next Wait, notify of the next to wake.
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   unsafe.Pointer
	tail   unsafe.Pointer
}

// copyChecker holds a Cond's own address once used, as Go's does.
type copyChecker uintptr

// condSim is a Cond's state in a run (see sim.Shadow).
type condSim struct {
	o       sim.Obj
	waiters []*sim.G
}

// NewCond returns a Cond with locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) use(op sim.Op) (*condSim, trace.ObjID) {
	self := uintptr(unsafe.Pointer(&c.checker))
	if c.checker == 0 {
		c.checker = copyChecker(self)
	} else if uintptr(c.checker) != self {
		sim.Panic("sync.Cond is copied")
	}
	s, fresh := sim.Shadow[condSim](c)
	if fresh {
		c.notify = notifyList{}
	}
	id, _ := s.o.Use(trace.ObjMutex, "cond", op.Line, 0)
	return s, id
}

// Wait unlocks c.L, waits for a Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := c.use(op)
	s.waiters = append(s.waiters, op.G())
	c.notify.wait++
	c.L.Unlock()
	op.Block(id, "sync.Cond.Wait")
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if any.
func (c *Cond) Signal() {
	if op, ok := sim.Begin(); ok {
		s, _ := c.use(op)
		if len(s.waiters) > 0 {
			c.notify.notify++
		}
		wakeFirst(&s.waiters)
	}
}

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() {
	if op, ok := sim.Begin(); ok {
		s, _ := c.use(op)
		c.notify.notify = c.notify.wait
		wakeAll(&s.waiters)
	}
}
