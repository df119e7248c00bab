// Package atomic mirrors sync/atomic for simulated programs: the same
// functions (AddInt64, LoadInt32, CompareAndSwapUint64…) and types (Int32,
// Int64, Uint32, Uint64, Uintptr, Bool, Value, Pointer[T]) with the same
// zero values and panics.
//
// Every operation is a scheduling point and carries the Go memory model's
// happens-before: atomics are sequentially consistent, so an operation
// that observes another's effect happens after it. The race detector
// (package sim) sees loads as acquires, stores as releases and
// read-modify-writes (Add, Swap, CompareAndSwap, And, Or) as both, on the
// variable's address. Pointer functions on unsafe.Pointer are not
// mirrored (unsafe is refused).
package atomic

import (
	"sync/atomic"
	"unsafe"

	"lanes/sim"
)

// step is the scheduling point and the happens-before of an operation on
// the variable at p.
func step(p unsafe.Pointer, acquire, release bool) {
	if !sim.Running() {
		return
	}
	if _, ok := sim.Begin(); !ok {
		return
	}
	sim.AtomicSync(p, acquire, release)
}

// noCopy is go vet's copylocks marker, as in sync/atomic.
type noCopy struct{}

func (*noCopy) Lock()   {}
func (*noCopy) Unlock() {}

// A Bool is an atomic boolean. The zero value is false.
type Bool struct {
	_ noCopy
	v uint32
}

func b32(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

// Load atomically loads and returns the value stored in x.
func (x *Bool) Load() bool { return LoadUint32(&x.v) != 0 }

// Store atomically stores val into x.
func (x *Bool) Store(val bool) { StoreUint32(&x.v, b32(val)) }

// Swap atomically stores new into x and returns the previous value.
func (x *Bool) Swap(new bool) (old bool) { return SwapUint32(&x.v, b32(new)) != 0 }

// CompareAndSwap executes the compare-and-swap operation for the boolean value x.
func (x *Bool) CompareAndSwap(old, new bool) (swapped bool) {
	return CompareAndSwapUint32(&x.v, b32(old), b32(new))
}

// A Pointer is an atomic pointer of type *T. The zero value is a nil *T.
type Pointer[T any] struct {
	_ [0]*T
	_ noCopy
	v atomic.Pointer[T]
}

// Load atomically loads and returns the value stored in x.
func (x *Pointer[T]) Load() *T {
	step(unsafe.Pointer(&x.v), true, false)
	return x.v.Load()
}

// Store atomically stores val into x.
func (x *Pointer[T]) Store(val *T) {
	step(unsafe.Pointer(&x.v), false, true)
	x.v.Store(val)
}

// Swap atomically stores new into x and returns the previous value.
func (x *Pointer[T]) Swap(new *T) (old *T) {
	step(unsafe.Pointer(&x.v), true, true)
	return x.v.Swap(new)
}

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	step(unsafe.Pointer(&x.v), true, true)
	return x.v.CompareAndSwap(old, new)
}

// A Value provides an atomic load and store of a consistently typed value.
// The zero value returns nil from Load. Its panics are sync/atomic's.
type Value struct {
	v atomic.Value
}

// Load returns the value set by the most recent Store, or nil.
func (v *Value) Load() (val any) {
	step(unsafe.Pointer(v), true, false)
	return v.v.Load()
}

// Store sets the value of the Value v to val.
func (v *Value) Store(val any) {
	step(unsafe.Pointer(v), false, true)
	v.v.Store(val)
}

// Swap stores new into Value and returns the previous value.
func (v *Value) Swap(new any) (old any) {
	step(unsafe.Pointer(v), true, true)
	return v.v.Swap(new)
}

// CompareAndSwap executes the compare-and-swap operation for the Value.
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	step(unsafe.Pointer(v), true, true)
	return v.v.CompareAndSwap(old, new)
}
