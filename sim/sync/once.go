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

// OnceFunc returns a function that calls f only once; a panic in f is
// repeated by every call.
func OnceFunc(f func()) func() {
	var once Once
	var p any
	var panicked bool
	return func() {
		once.Do(func() {
			defer func() {
				if p = recover(); p != nil {
					panicked = true
				}
			}()
			f()
		})
		if panicked {
			panic(p)
		}
	}
}

// OnceValue returns a function that calls f only once and returns its value.
func OnceValue[T any](f func() T) func() T {
	var once Once
	var v T
	return func() T {
		once.Do(func() { v = f() })
		return v
	}
}

// OnceValues returns a function that calls f only once and returns its values.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	var once Once
	var v1 T1
	var v2 T2
	return func() (T1, T2) {
		once.Do(func() { v1, v2 = f() })
		return v1, v2
	}
}
