package sync

import (
	"lanes/sim"
	"lanes/sim/trace"
)

// Cond is a condition variable: goroutines Wait for an event that another
// Signals (one waiter) or Broadcasts (all of them). A Cond must not be
// copied after first use: as in Go, using a copy panics with "sync.Cond is
// copied".
type Cond struct {
	L       Locker
	o       sim.Obj
	self    *Cond // c itself once used; a copy keeps the original's
	waiters []*sim.G
}

// NewCond returns a Cond with locker l.
func NewCond(l Locker) *Cond { return &Cond{L: l} }

func (c *Cond) use(op sim.Op) trace.ObjID {
	if c.self == nil {
		c.self = c
	} else if c.self != c {
		sim.Panic("sync.Cond is copied")
	}
	id, fresh := c.o.Use(trace.ObjMutex, "cond", op.Line, 0)
	if fresh {
		c.waiters = nil
	}
	return id
}

// Wait unlocks c.L, waits for a Signal or Broadcast, and locks c.L again.
func (c *Cond) Wait() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := c.use(op)
	c.waiters = append(c.waiters, op.G())
	c.L.Unlock()
	op.Block(id, "sync.Cond.Wait")
	c.L.Lock()
}

// Signal wakes one goroutine waiting on c, if any.
func (c *Cond) Signal() {
	if op, ok := sim.Begin(); ok {
		c.use(op)
		wakeFirst(&c.waiters)
	}
}

// Broadcast wakes every goroutine waiting on c.
func (c *Cond) Broadcast() {
	if op, ok := sim.Begin(); ok {
		c.use(op)
		wakeAll(&c.waiters)
	}
}
