package sync

import (
	"lanes/sim"
	"lanes/sim/sync/internal/atomic"
	"lanes/sim/trace"
)

// Once runs a function exactly once. Goroutines calling Do while the first
// call runs wait for it to return. If f panics, Do counts it as done.
//
// Its fields are Go's, so that it prints as Go's does.
type Once struct {
	_    noCopy
	done atomic.Bool
	m    Mutex
}

// onceSim is a Once's state in a run (see sim.Shadow).
type onceSim struct {
	o       sim.Obj
	done    bool
	running bool
	waiters []*sim.G
}

func (o *Once) use(op sim.Op) (*onceSim, trace.ObjID) {
	s, fresh := sim.Shadow[onceSim](o)
	if fresh {
		*o = Once{}
	}
	id, _ := s.o.UseFor(o, trace.ObjOnce, op.Line, 0)
	return s, id
}

// show sets the fields Go would have: done, and m held while f runs.
func (o *Once) show(s *onceSim) {
	o.done.Store(s.done)
	o.m.mu.Set(mutexState(s.running, len(s.waiters)))
}

// Do calls f if and only if Do is called for the first time on o.
func (o *Once) Do(f func()) {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	s, id := o.use(op)
	for s.running {
		s.waiters = append(s.waiters, op.G())
		o.show(s)
		op.Block(id, "sync.Mutex.Lock")
	}
	if s.done {
		op.Acquire(id, sim.SlotMain) // f's return happens before every Do returns
		return
	}
	s.running = true
	o.show(s)
	defer func() {
		op.Release(id, sim.SlotMain)
		s.done, s.running = true, false
		wakeAll(&s.waiters)
		o.show(s)
	}()
	op.Event(trace.Event{Kind: trace.KindOnce, Obj: id})
	f()
}

// OnceFunc returns a function that calls f only once. If f panics, the
// returned function panics with the same value on every call; f is not
// called again.
func OnceFunc(f func()) func() {
	d := struct {
		f     func()
		once  Once
		valid bool
		p     any
	}{f: f}
	return func() {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p) // the first call panics with f's panic, already recorded
				}
			}()
			d.f()
			d.valid = true // set only if f does not panic
		})
		if !d.valid {
			sim.Panic(d.p)
		}
	}
}

// OnceValue returns a function that calls f only once and returns its
// value. If f panics, the returned function panics with the same value on
// every call.
func OnceValue[T any](f func() T) func() T {
	d := struct {
		f      func() T
		once   Once
		valid  bool
		p      any
		result T
	}{f: f}
	return func() T {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.result = d.f()
			d.valid = true
		})
		if !d.valid {
			sim.Panic(d.p)
		}
		return d.result
	}
}

// OnceValues returns a function that calls f only once and returns its
// values. If f panics, the returned function panics with the same value on
// every call.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	d := struct {
		f     func() (T1, T2)
		once  Once
		valid bool
		p     any
		r1    T1
		r2    T2
	}{f: f}
	return func() (T1, T2) {
		d.once.Do(func() {
			defer func() {
				d.f = nil
				d.p = recover()
				if !d.valid {
					panic(d.p)
				}
			}()
			d.r1, d.r2 = d.f()
			d.valid = true
		})
		if !d.valid {
			sim.Panic(d.p)
		}
		return d.r1, d.r2
	}
}
