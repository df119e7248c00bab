package sync

import (
	gotime "time"

	"lanes/sim"
	"lanes/sim/sync/internal/atomic"
	isync "lanes/sim/sync/internal/sync"
	"lanes/sim/trace"
)

// noCopy is the real sync.noCopy (go vet's copylocks check looks for it).
type noCopy struct{}

// A Mutex is a mutual exclusion lock. The zero value is unlocked.
//
// As in Go, it has two modes. In normal mode, waiters queue in FIFO order,
// but a goroutine woken by Unlock competes again for the lock with
// goroutines that just arrived: the unlocking goroutine may take it back
// first, and a woken waiter that loses goes back to the front of the
// queue. A waiter that has waited more than 1ms (virtual time) when it
// loses switches the mutex to starvation mode: then Unlock hands the lock
// directly to the waiter at the front, and arrivals queue at the back
// without trying. The mutex returns to normal mode when the waiter handed
// the lock is the last one or had waited less than 1ms.
//
// Its fields are Go's, so that it prints as Go's does (its state shows
// locked, starving and the waiting goroutines as Go's); the simulator's
// state is kept aside (sim.Shadow).
type Mutex struct {
	_  noCopy
	mu isync.Mutex
}

// mutexSim is a Mutex's state in a run (see sim.Shadow).
type mutexSim struct {
	o        sim.Obj
	locked   bool
	starving bool
	handoff  *sim.G // in starvation mode, the waiter Unlock handed the lock to
	waiters  []*sim.G
}

// starvationThreshold is Go's: a waiter waiting longer starves.
const starvationThreshold = trace.Time(gotime.Millisecond)

func (m *Mutex) use(op sim.Op) (*mutexSim, trace.ObjID) {
	s, fresh := sim.Shadow[mutexSim](m)
	if fresh {
		m.mu.Set(0)
	}
	id, _ := s.o.UseFor(m, trace.ObjMutex, op.Line, 0)
	return s, id
}

// show sets the fields Go would have: locked, starving, the waiters.
func (m *Mutex) show(s *mutexSim) {
	st := mutexState(s.locked, len(s.waiters))
	if s.starving {
		st |= 4 // Go's mutexStarving
	}
	m.mu.Set(st)
}

func mutexState(locked bool, waiters int) int32 {
	st := int32(waiters) << 3
	if locked {
		st |= 1
	}
	return st
}

// Lock locks m, blocking while another goroutine holds it.
func (m *Mutex) Lock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := m.use(op)
	g := op.G()
	var since trace.Time
	waited, starving := false, false
	for {
		if s.handoff == g { // starvation mode: Unlock handed the lock over
			s.handoff, s.locked = nil, true
			if !starving || len(s.waiters) == 0 {
				s.starving = false
			}
			break
		}
		if !s.locked && !s.starving {
			s.locked = true
			break
		}
		if starving && s.locked {
			s.starving = true
		}
		if waited {
			s.waiters = append([]*sim.G{g}, s.waiters...) // woken and lost: front of the queue
		} else {
			since, waited = op.Now(), true
			s.waiters = append(s.waiters, g)
		}
		m.show(s)
		op.Block(id, "sync.Mutex.Lock")
		starving = starving || op.Now()-since > starvationThreshold
	}
	m.show(s)
	op.Acquire(id, sim.SlotMain)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "Lock"})
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	s, id := m.use(op)
	if s.locked || s.starving {
		return false
	}
	s.locked = true
	m.show(s)
	op.Acquire(id, sim.SlotMain)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryLock"})
	return true
}

// Unlock unlocks m; unlocking an unlocked Mutex is a fatal error.
func (m *Mutex) Unlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := m.use(op)
	if !s.locked {
		sim.Fatal("sync: unlock of unlocked mutex")
	}
	s.locked = false
	op.Release(id, sim.SlotMain)
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "Unlock"})
	if s.starving && len(s.waiters) > 0 {
		s.handoff = s.waiters[0]
		s.waiters = s.waiters[1:]
		sim.Ready(s.handoff)
		m.show(s)
		return
	}
	wakeFirst(&s.waiters)
	m.show(s)
}

func wakeFirst(q *[]*sim.G) {
	if len(*q) > 0 {
		g := (*q)[0]
		*q = (*q)[1:]
		sim.Ready(g)
	}
}

func wakeAll(q *[]*sim.G) {
	for _, g := range *q {
		sim.Ready(g)
	}
	*q = nil
}

// An RWMutex is a reader/writer lock: any number of readers or one writer.
// It follows Go's algorithm: writers take turns through an inner mutex;
// the writer holding it is pending, and a pending writer keeps new readers
// out and waits for the readers inside to leave; Unlock lets in every
// reader that blocked meanwhile before the next writer may become pending,
// so readers and writers alternate and neither starves. Its fields are
// Go's, so that it prints as Go's does.
type RWMutex struct {
	w           Mutex
	writerSem   uint32
	readerSem   uint32
	readerCount atomic.Int32
	readerWait  atomic.Int32
}

// rwmutexMaxReaders is Go's: a pending writer subtracts it from readerCount.
const rwmutexMaxReaders = 1 << 30

// rwSim is an RWMutex's state in a run (see sim.Shadow).
type rwSim struct {
	o       sim.Obj
	pending bool // a writer holds the inner mutex: new readers wait
	writer  bool // the lock is held for writing
	readers int  // readers inside
	waiter  *sim.G
	rq, wq  []*sim.G // readers blocked by a pending writer; writers waiting for the inner mutex
}

func (rw *RWMutex) use(op sim.Op) (*rwSim, trace.ObjID) {
	s, fresh := sim.Shadow[rwSim](rw)
	if fresh {
		*rw = RWMutex{}
	}
	id, _ := s.o.UseFor(rw, trace.ObjRWMutex, op.Line, 0)
	return s, id
}

// show sets the fields Go would have.
func (rw *RWMutex) show(s *rwSim) {
	rw.w.mu.Set(mutexState(s.pending, len(s.wq)))
	n := s.readers + len(s.rq)
	if s.pending {
		n -= rwmutexMaxReaders
	}
	rw.readerCount.Store(int32(n))
	wait := 0
	if s.waiter != nil {
		wait = s.readers
	}
	rw.readerWait.Store(int32(wait))
}

// Lock locks rw for writing: it waits for its turn among writers, then for
// the readers inside to leave.
func (rw *RWMutex) Lock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := rw.use(op)
	for s.pending {
		s.wq = append(s.wq, op.G())
		rw.show(s)
		op.Block(id, "sync.Mutex.Lock") // Go's inner writer mutex
	}
	s.pending = true
	if s.readers > 0 {
		s.waiter = op.G()
		rw.show(s)
		op.Block(id, "sync.RWMutex.Lock") // readied by the last reader out
	}
	s.writer = true
	rw.show(s)
	op.Acquire(id, sim.SlotReader)
	op.Acquire(id, sim.SlotWriter)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "Lock"})
}

// Unlock unlocks rw for writing: the readers that waited enter, then the
// next writer may take its turn.
func (rw *RWMutex) Unlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := rw.use(op)
	if !s.writer {
		sim.Fatal("sync: Unlock of unlocked RWMutex")
	}
	s.writer = false
	op.Release(id, sim.SlotReader)
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "Unlock"})
	s.readers += len(s.rq) // they enter now, as Go counts them in at Unlock
	wakeAll(&s.rq)
	s.pending = false
	wakeFirst(&s.wq)
	rw.show(s)
}

// RLock locks rw for reading; it waits while a writer holds or waits for
// the lock.
func (rw *RWMutex) RLock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := rw.use(op)
	if s.pending {
		s.rq = append(s.rq, op.G())
		rw.show(s)
		op.Block(id, "sync.RWMutex.RLock") // Unlock counts it in
	} else {
		s.readers++
		rw.show(s)
	}
	op.Acquire(id, sim.SlotReader)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "RLock"})
}

// RUnlock undoes one RLock; the last reader out lets a waiting writer in.
func (rw *RWMutex) RUnlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := rw.use(op)
	if s.readers <= 0 {
		sim.Fatal("sync: RUnlock of unlocked RWMutex")
	}
	s.readers--
	op.Release(id, sim.SlotWriter)
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "RUnlock"})
	if s.readers == 0 && s.waiter != nil {
		g := s.waiter
		s.waiter = nil
		sim.Ready(g)
	}
	rw.show(s)
}

// TryLock locks rw for writing if no writer and no reader holds or waits
// for it, and reports whether it did.
func (rw *RWMutex) TryLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	s, id := rw.use(op)
	if s.pending || s.readers > 0 {
		return false
	}
	s.pending, s.writer = true, true
	rw.show(s)
	op.Acquire(id, sim.SlotReader)
	op.Acquire(id, sim.SlotWriter)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryLock"})
	return true
}

// TryRLock locks rw for reading if no writer holds or waits for it.
func (rw *RWMutex) TryRLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	s, id := rw.use(op)
	if s.pending {
		return false
	}
	s.readers++
	rw.show(s)
	op.Acquire(id, sim.SlotReader)
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryRLock"})
	return true
}

// RLocker returns a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return rlocker{rw} }

type rlocker struct{ rw *RWMutex }

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }
