package sync

import (
	gotime "time"

	"lanes/sim"
	"lanes/sim/trace"
)

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
type Mutex struct {
	o        sim.Obj
	locked   bool
	starving bool
	handoff  *sim.G // in starvation mode, the waiter Unlock handed the lock to
	waiters  []*sim.G
}

// starvationThreshold is Go's: a waiter waiting longer starves.
const starvationThreshold = trace.Time(gotime.Millisecond)

func (m *Mutex) use(op sim.Op) trace.ObjID {
	id, fresh := m.o.Use(trace.ObjMutex, "", op.Line, 0)
	if fresh {
		m.locked, m.starving, m.handoff, m.waiters = false, false, nil, nil
	}
	return id
}

// Lock locks m, blocking while another goroutine holds it.
func (m *Mutex) Lock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := m.use(op)
	g := op.G()
	var since trace.Time
	waited, starving := false, false
	for {
		if m.handoff == g { // starvation mode: Unlock handed the lock over
			m.handoff, m.locked = nil, true
			if !starving || len(m.waiters) == 0 {
				m.starving = false
			}
			break
		}
		if !m.locked && !m.starving {
			m.locked = true
			break
		}
		if starving && m.locked {
			m.starving = true
		}
		if waited {
			m.waiters = append([]*sim.G{g}, m.waiters...) // woken and lost: front of the queue
		} else {
			since, waited = op.Now(), true
			m.waiters = append(m.waiters, g)
		}
		op.Block(id, "sync.Mutex.Lock")
		starving = starving || op.Now()-since > starvationThreshold
	}
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "Lock"})
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	id := m.use(op)
	if m.locked || m.starving {
		return false
	}
	m.locked = true
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryLock"})
	return true
}

// Unlock unlocks m; unlocking an unlocked Mutex is a fatal error.
func (m *Mutex) Unlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := m.use(op)
	if !m.locked {
		sim.Fatal("sync: unlock of unlocked mutex")
	}
	m.locked = false
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "Unlock"})
	if m.starving && len(m.waiters) > 0 {
		m.handoff = m.waiters[0]
		m.waiters = m.waiters[1:]
		sim.Ready(m.handoff)
		return
	}
	wakeFirst(&m.waiters)
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
// so readers and writers alternate and neither starves.
type RWMutex struct {
	o       sim.Obj
	pending bool // a writer holds the inner mutex: new readers wait
	writer  bool // the lock is held for writing
	readers int  // readers inside
	waiter  *sim.G
	rq, wq  []*sim.G // readers blocked by a pending writer; writers waiting for the inner mutex
}

func (rw *RWMutex) use(op sim.Op) trace.ObjID {
	id, fresh := rw.o.Use(trace.ObjRWMutex, "", op.Line, 0)
	if fresh {
		*rw = RWMutex{o: rw.o}
	}
	return id
}

// Lock locks rw for writing: it waits for its turn among writers, then for
// the readers inside to leave.
func (rw *RWMutex) Lock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := rw.use(op)
	for rw.pending {
		rw.wq = append(rw.wq, op.G())
		op.Block(id, "sync.Mutex.Lock") // Go's inner writer mutex
	}
	rw.pending = true
	if rw.readers > 0 {
		rw.waiter = op.G()
		op.Block(id, "sync.RWMutex.Lock") // readied by the last reader out
	}
	rw.writer = true
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "Lock"})
}

// Unlock unlocks rw for writing: the readers that waited enter, then the
// next writer may take its turn.
func (rw *RWMutex) Unlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := rw.use(op)
	if !rw.writer {
		sim.Fatal("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "Unlock"})
	rw.readers += len(rw.rq) // they enter now, as Go counts them in at Unlock
	wakeAll(&rw.rq)
	rw.pending = false
	wakeFirst(&rw.wq)
}

// RLock locks rw for reading; it waits while a writer holds or waits for
// the lock.
func (rw *RWMutex) RLock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := rw.use(op)
	if rw.pending {
		rw.rq = append(rw.rq, op.G())
		op.Block(id, "sync.RWMutex.RLock") // Unlock counts it in
	} else {
		rw.readers++
	}
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "RLock"})
}

// RUnlock undoes one RLock; the last reader out lets a waiting writer in.
func (rw *RWMutex) RUnlock() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := rw.use(op)
	if rw.readers <= 0 {
		sim.Fatal("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
	op.Event(trace.Event{Kind: trace.KindUnlock, Obj: id, Text: "RUnlock"})
	if rw.readers == 0 && rw.waiter != nil {
		g := rw.waiter
		rw.waiter = nil
		sim.Ready(g)
	}
}

// TryLock locks rw for writing if no writer and no reader holds or waits
// for it, and reports whether it did.
func (rw *RWMutex) TryLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	id := rw.use(op)
	if rw.pending || rw.readers > 0 {
		return false
	}
	rw.pending, rw.writer = true, true
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryLock"})
	return true
}

// TryRLock locks rw for reading if no writer holds or waits for it.
func (rw *RWMutex) TryRLock() bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	id := rw.use(op)
	if rw.pending {
		return false
	}
	rw.readers++
	op.Event(trace.Event{Kind: trace.KindLock, Obj: id, Text: "TryRLock"})
	return true
}

// RLocker returns a Locker whose Lock and Unlock are rw's RLock and RUnlock.
func (rw *RWMutex) RLocker() Locker { return rlocker{rw} }

type rlocker struct{ rw *RWMutex }

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }
