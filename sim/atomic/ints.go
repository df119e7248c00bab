package atomic

import (
	"sync/atomic"
	"unsafe"
)

// AddInt32 atomically adds delta to *addr and returns the new value.
func AddInt32(addr *int32, delta int32) (new int32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AddInt32(addr, delta)
}

// LoadInt32 atomically loads *addr.
func LoadInt32(addr *int32) (val int32) {
	step(unsafe.Pointer(addr), true, false)
	return atomic.LoadInt32(addr)
}

// StoreInt32 atomically stores val into *addr.
func StoreInt32(addr *int32, val int32) {
	step(unsafe.Pointer(addr), false, true)
	atomic.StoreInt32(addr, val)
}

// SwapInt32 atomically stores new into *addr and returns the previous value.
func SwapInt32(addr *int32, new int32) (old int32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.SwapInt32(addr, new)
}

// CompareAndSwapInt32 executes the compare-and-swap operation for a int32 value.
func CompareAndSwapInt32(addr *int32, old, new int32) (swapped bool) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.CompareAndSwapInt32(addr, old, new)
}

// AndInt32 atomically performs a bitwise AND with mask and returns the old value.
func AndInt32(addr *int32, mask int32) (old int32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AndInt32(addr, mask)
}

// OrInt32 atomically performs a bitwise OR with mask and returns the old value.
func OrInt32(addr *int32, mask int32) (old int32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.OrInt32(addr, mask)
}

// A Int32 is an atomic int32. The zero value is zero.
type Int32 struct {
	_ noCopy
	v int32
}

// Load atomically loads and returns the value stored in x.
func (x *Int32) Load() int32 { return LoadInt32(&x.v) }

// Store atomically stores val into x.
func (x *Int32) Store(val int32) { StoreInt32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int32) Swap(new int32) (old int32) { return SwapInt32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int32) CompareAndSwap(old, new int32) (swapped bool) {
	return CompareAndSwapInt32(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Int32) Add(delta int32) (new int32) { return AddInt32(&x.v, delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Int32) And(mask int32) (old int32) { return AndInt32(&x.v, mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Int32) Or(mask int32) (old int32) { return OrInt32(&x.v, mask) }

// AddInt64 atomically adds delta to *addr and returns the new value.
func AddInt64(addr *int64, delta int64) (new int64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AddInt64(addr, delta)
}

// LoadInt64 atomically loads *addr.
func LoadInt64(addr *int64) (val int64) {
	step(unsafe.Pointer(addr), true, false)
	return atomic.LoadInt64(addr)
}

// StoreInt64 atomically stores val into *addr.
func StoreInt64(addr *int64, val int64) {
	step(unsafe.Pointer(addr), false, true)
	atomic.StoreInt64(addr, val)
}

// SwapInt64 atomically stores new into *addr and returns the previous value.
func SwapInt64(addr *int64, new int64) (old int64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.SwapInt64(addr, new)
}

// CompareAndSwapInt64 executes the compare-and-swap operation for a int64 value.
func CompareAndSwapInt64(addr *int64, old, new int64) (swapped bool) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.CompareAndSwapInt64(addr, old, new)
}

// AndInt64 atomically performs a bitwise AND with mask and returns the old value.
func AndInt64(addr *int64, mask int64) (old int64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AndInt64(addr, mask)
}

// OrInt64 atomically performs a bitwise OR with mask and returns the old value.
func OrInt64(addr *int64, mask int64) (old int64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.OrInt64(addr, mask)
}

// A Int64 is an atomic int64. The zero value is zero.
type Int64 struct {
	_ noCopy
	v int64
}

// Load atomically loads and returns the value stored in x.
func (x *Int64) Load() int64 { return LoadInt64(&x.v) }

// Store atomically stores val into x.
func (x *Int64) Store(val int64) { StoreInt64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Int64) Swap(new int64) (old int64) { return SwapInt64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Int64) CompareAndSwap(old, new int64) (swapped bool) {
	return CompareAndSwapInt64(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Int64) Add(delta int64) (new int64) { return AddInt64(&x.v, delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Int64) And(mask int64) (old int64) { return AndInt64(&x.v, mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Int64) Or(mask int64) (old int64) { return OrInt64(&x.v, mask) }

// AddUint32 atomically adds delta to *addr and returns the new value.
func AddUint32(addr *uint32, delta uint32) (new uint32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AddUint32(addr, delta)
}

// LoadUint32 atomically loads *addr.
func LoadUint32(addr *uint32) (val uint32) {
	step(unsafe.Pointer(addr), true, false)
	return atomic.LoadUint32(addr)
}

// StoreUint32 atomically stores val into *addr.
func StoreUint32(addr *uint32, val uint32) {
	step(unsafe.Pointer(addr), false, true)
	atomic.StoreUint32(addr, val)
}

// SwapUint32 atomically stores new into *addr and returns the previous value.
func SwapUint32(addr *uint32, new uint32) (old uint32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.SwapUint32(addr, new)
}

// CompareAndSwapUint32 executes the compare-and-swap operation for a uint32 value.
func CompareAndSwapUint32(addr *uint32, old, new uint32) (swapped bool) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.CompareAndSwapUint32(addr, old, new)
}

// AndUint32 atomically performs a bitwise AND with mask and returns the old value.
func AndUint32(addr *uint32, mask uint32) (old uint32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AndUint32(addr, mask)
}

// OrUint32 atomically performs a bitwise OR with mask and returns the old value.
func OrUint32(addr *uint32, mask uint32) (old uint32) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.OrUint32(addr, mask)
}

// A Uint32 is an atomic uint32. The zero value is zero.
type Uint32 struct {
	_ noCopy
	v uint32
}

// Load atomically loads and returns the value stored in x.
func (x *Uint32) Load() uint32 { return LoadUint32(&x.v) }

// Store atomically stores val into x.
func (x *Uint32) Store(val uint32) { StoreUint32(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint32) Swap(new uint32) (old uint32) { return SwapUint32(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint32) CompareAndSwap(old, new uint32) (swapped bool) {
	return CompareAndSwapUint32(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uint32) Add(delta uint32) (new uint32) { return AddUint32(&x.v, delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Uint32) And(mask uint32) (old uint32) { return AndUint32(&x.v, mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Uint32) Or(mask uint32) (old uint32) { return OrUint32(&x.v, mask) }

// AddUint64 atomically adds delta to *addr and returns the new value.
func AddUint64(addr *uint64, delta uint64) (new uint64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AddUint64(addr, delta)
}

// LoadUint64 atomically loads *addr.
func LoadUint64(addr *uint64) (val uint64) {
	step(unsafe.Pointer(addr), true, false)
	return atomic.LoadUint64(addr)
}

// StoreUint64 atomically stores val into *addr.
func StoreUint64(addr *uint64, val uint64) {
	step(unsafe.Pointer(addr), false, true)
	atomic.StoreUint64(addr, val)
}

// SwapUint64 atomically stores new into *addr and returns the previous value.
func SwapUint64(addr *uint64, new uint64) (old uint64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.SwapUint64(addr, new)
}

// CompareAndSwapUint64 executes the compare-and-swap operation for a uint64 value.
func CompareAndSwapUint64(addr *uint64, old, new uint64) (swapped bool) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.CompareAndSwapUint64(addr, old, new)
}

// AndUint64 atomically performs a bitwise AND with mask and returns the old value.
func AndUint64(addr *uint64, mask uint64) (old uint64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AndUint64(addr, mask)
}

// OrUint64 atomically performs a bitwise OR with mask and returns the old value.
func OrUint64(addr *uint64, mask uint64) (old uint64) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.OrUint64(addr, mask)
}

// A Uint64 is an atomic uint64. The zero value is zero.
type Uint64 struct {
	_ noCopy
	v uint64
}

// Load atomically loads and returns the value stored in x.
func (x *Uint64) Load() uint64 { return LoadUint64(&x.v) }

// Store atomically stores val into x.
func (x *Uint64) Store(val uint64) { StoreUint64(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uint64) Swap(new uint64) (old uint64) { return SwapUint64(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uint64) CompareAndSwap(old, new uint64) (swapped bool) {
	return CompareAndSwapUint64(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uint64) Add(delta uint64) (new uint64) { return AddUint64(&x.v, delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Uint64) And(mask uint64) (old uint64) { return AndUint64(&x.v, mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Uint64) Or(mask uint64) (old uint64) { return OrUint64(&x.v, mask) }

// AddUintptr atomically adds delta to *addr and returns the new value.
func AddUintptr(addr *uintptr, delta uintptr) (new uintptr) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AddUintptr(addr, delta)
}

// LoadUintptr atomically loads *addr.
func LoadUintptr(addr *uintptr) (val uintptr) {
	step(unsafe.Pointer(addr), true, false)
	return atomic.LoadUintptr(addr)
}

// StoreUintptr atomically stores val into *addr.
func StoreUintptr(addr *uintptr, val uintptr) {
	step(unsafe.Pointer(addr), false, true)
	atomic.StoreUintptr(addr, val)
}

// SwapUintptr atomically stores new into *addr and returns the previous value.
func SwapUintptr(addr *uintptr, new uintptr) (old uintptr) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.SwapUintptr(addr, new)
}

// CompareAndSwapUintptr executes the compare-and-swap operation for a uintptr value.
func CompareAndSwapUintptr(addr *uintptr, old, new uintptr) (swapped bool) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.CompareAndSwapUintptr(addr, old, new)
}

// AndUintptr atomically performs a bitwise AND with mask and returns the old value.
func AndUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.AndUintptr(addr, mask)
}

// OrUintptr atomically performs a bitwise OR with mask and returns the old value.
func OrUintptr(addr *uintptr, mask uintptr) (old uintptr) {
	step(unsafe.Pointer(addr), true, true)
	return atomic.OrUintptr(addr, mask)
}

// A Uintptr is an atomic uintptr. The zero value is zero.
type Uintptr struct {
	_ noCopy
	v uintptr
}

// Load atomically loads and returns the value stored in x.
func (x *Uintptr) Load() uintptr { return LoadUintptr(&x.v) }

// Store atomically stores val into x.
func (x *Uintptr) Store(val uintptr) { StoreUintptr(&x.v, val) }

// Swap atomically stores new into x and returns the previous value.
func (x *Uintptr) Swap(new uintptr) (old uintptr) { return SwapUintptr(&x.v, new) }

// CompareAndSwap executes the compare-and-swap operation for x.
func (x *Uintptr) CompareAndSwap(old, new uintptr) (swapped bool) {
	return CompareAndSwapUintptr(&x.v, old, new)
}

// Add atomically adds delta to x and returns the new value.
func (x *Uintptr) Add(delta uintptr) (new uintptr) { return AddUintptr(&x.v, delta) }

// And atomically performs a bitwise AND with mask and returns the old value.
func (x *Uintptr) And(mask uintptr) (old uintptr) { return AndUintptr(&x.v, mask) }

// Or atomically performs a bitwise OR with mask and returns the old value.
func (x *Uintptr) Or(mask uintptr) (old uintptr) { return OrUintptr(&x.v, mask) }
