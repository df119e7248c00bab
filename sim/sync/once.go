package sync

import (
	"lanes/sim"
	"lanes/sim/trace"
)

// Once runs a function exactly once. Goroutines calling Do while the first
// call runs wait for it to return. If f panics, Do counts it as done.
type Once struct {
	o       sim.Obj
	done    bool
	running bool
	waiters []*sim.G
}

func (o *Once) use(op sim.Op) trace.ObjID {
	id, fresh := o.o.Use(trace.ObjOnce, "", op.Line, 0)
	if fresh {
		o.done, o.running, o.waiters = false, false, nil
	}
	return id
}

// Do calls f if and only if Do is called for the first time on o.
func (o *Once) Do(f func()) {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := o.use(op)
	for o.running {
		o.waiters = append(o.waiters, op.G())
		op.Block(id, "sync.Mutex.Lock")
	}
	if o.done {
		return
	}
	o.running = true
	defer func() {
		o.done, o.running = true, false
		wakeAll(&o.waiters)
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
