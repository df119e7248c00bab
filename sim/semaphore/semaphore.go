// Package semaphore mirrors golang.org/x/sync/semaphore (v0.25.0) for
// simulated programs: a Weighted semaphore bounds access to a resource.
//
// Behaviour follows x/sync exactly: waiters are served in FIFO order (a
// large request at the head holds back smaller ones behind it); a request
// larger than the size waits until its context is done; TryAcquire fails if
// anyone is waiting; releasing more than held panics. Acquire and Release
// are recorded (value = units in use), and a blocked Acquire shows as
// blocked on the semaphore.
package semaphore

import (
	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/trace"
)

type waiter struct {
	n       int64
	ready   *sim.Chan[struct{}]
	granted bool
}

// Weighted provides a way to bound concurrent access to a resource.
type Weighted struct {
	o       sim.Obj
	size    int64
	cur     int64
	waiters []*waiter
}

// NewWeighted creates a weighted semaphore with the given maximum combined
// weight for concurrent access.
func NewWeighted(n int64) *Weighted {
	if n < 0 {
		panic("semaphore: size < 0")
	}
	return &Weighted{size: n}
}

func (s *Weighted) use(op sim.Op) trace.ObjID {
	id, fresh := s.o.UseFor(s, trace.ObjSemaphore, op.Line, s.size)
	if fresh {
		s.cur, s.waiters = 0, nil
	}
	return id
}

// Acquire acquires the semaphore with a weight of n, blocking until
// resources are available or ctx is done. On success it returns nil; on
// failure ctx.Err() and the semaphore is unchanged.
func (s *Weighted) Acquire(ctx context.Context, n int64) error {
	if n < 0 {
		panic("semaphore: n < 0")
	}
	op, ok := sim.Begin()
	if !ok {
		return nil
	}
	id := s.use(op)
	s.locked(op, id)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if s.size-s.cur >= n && len(s.waiters) == 0 {
		s.take(op, id, n)
		return nil
	}
	done := ctx.Done()
	if n > s.size {
		s.wait(op, id, done.RecvCase())
		return ctx.Err()
	}
	w := &waiter{n: n, ready: sim.MakeTimerChan[struct{}]()}
	s.waiters = append(s.waiters, w)
	if s.wait(op, id, done.RecvCase(), w.ready.RecvCase()) == 0 {
		if w.granted {
			// Granted just as ctx was done: give it back.
			s.cur -= n
			s.notifyWaiters(op)
		} else {
			front := s.waiters[0] == w
			s.removeWaiter(w)
			if front && s.size > s.cur {
				s.notifyWaiters(op)
			}
		}
		return ctx.Err()
	}
	if ctx.Err() != nil {
		s.Release(n)
		return ctx.Err()
	}
	op.Event(trace.Event{Kind: trace.KindAcquire, Obj: id, Delta: n, Value: s.cur})
	return nil
}

// wait blocks quietly on the cases, showing as blocked on the semaphore.
func (s *Weighted) wait(op sim.Op, id trace.ObjID, cases ...sim.Case) int {
	was := sim.Quiet(op.G(), true)
	defer sim.Quiet(op.G(), was)
	return sim.SelectAs("semaphore.Acquire", id, cases...)
}

func (s *Weighted) take(op sim.Op, id trace.ObjID, n int64) {
	s.cur += n
	op.Event(trace.Event{Kind: trace.KindAcquire, Obj: id, Delta: n, Value: s.cur})
}

func (s *Weighted) removeWaiter(w *waiter) {
	for i, x := range s.waiters {
		if x == w {
			s.waiters = append(s.waiters[:i:i], s.waiters[i+1:]...)
			return
		}
	}
}

// TryAcquire acquires the semaphore with a weight of n without blocking,
// and reports whether it did. It fails if anyone is waiting.
func (s *Weighted) TryAcquire(n int64) bool {
	if n < 0 {
		panic("semaphore: n < 0")
	}
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	id := s.use(op)
	s.locked(op, id)
	if s.size-s.cur >= n && len(s.waiters) == 0 {
		s.take(op, id, n)
		return true
	}
	return false
}

// Release releases the semaphore with a weight of n.
func (s *Weighted) Release(n int64) {
	if n < 0 {
		panic("semaphore: n < 0")
	}
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := s.use(op)
	s.locked(op, id)
	s.cur -= n
	if s.cur < 0 {
		sim.Panic("semaphore: released more than held")
	}
	op.Event(trace.Event{Kind: trace.KindRelease, Obj: id, Delta: n, Value: s.cur})
	s.notifyWaiters(op)
}

// locked is the happens-before of x/sync's semaphore, whose every call
// holds one mutex: each call acquires what the previous ones released.
func (s *Weighted) locked(op sim.Op, id trace.ObjID) {
	op.Acquire(id, sim.SlotMain)
	op.Release(id, sim.SlotMain)
}

// notifyWaiters grants waiters in FIFO order while there is room for the
// one at the head.
func (s *Weighted) notifyWaiters(op sim.Op) {
	was := sim.Quiet(op.G(), true)
	defer sim.Quiet(op.G(), was)
	for len(s.waiters) > 0 {
		w := s.waiters[0]
		if s.size-s.cur < w.n {
			break
		}
		s.cur += w.n
		s.waiters = s.waiters[1:]
		w.granted = true
		w.ready.TrySend(struct{}{})
	}
}
