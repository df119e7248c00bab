package sim

import (
	"unsafe"
)

// This file is shared memory: what the rewriter turns reads and writes of
// variables that other goroutines can reach into. Each access is a
// scheduling point (the strategy may switch before it, as before any
// operation) and is checked by the race detector, so a read-modify-write
// such as counter++, rewritten to
//
//	sim.Store(&counter, sim.Load(&counter, "counter")+1, "counter")
//
// is a read and a write that another goroutine can come between: a lost
// update is an outcome. Accesses record no event (only races do).

// memAccess is the scheduling point and race check of one access by the
// running goroutine; ok is false outside a run or while the goroutine is
// unwound, when the access must simply be done.
func memAccess(p unsafe.Pointer, name string, write bool) {
	r := current
	if r == nil || r.clock || p == nil {
		return // a nil pointer: the access itself panics
	}
	g := r.cur
	if g != nil && r.wantIDs {
		g.access = accessWords(name, write) // for a Pause at this point (the scheduler game)
	}
	op, ok := begin(4, 1) // begin ← memAccess ← Load/Store ← the program
	if g != nil {
		g.access = ""
	}
	if !ok {
		return
	}
	if h := r.hb(); h != nil {
		h.check(r, op.g, p, name, write, op.Line)
	}
}

func accessWords(name string, write bool) string {
	if write {
		return "write " + name
	}
	return "read " + name
}

// Load reads the shared variable *p, named name in the program.
func Load[T any](p *T, name string) T {
	memAccess(unsafe.Pointer(p), name, false)
	return *p
}

// LoadAt is Load for a read whose line the rewriter knows: the element
// read of a range loop over a slice, which happens at the for line between
// two iterations' statements.
func LoadAt[T any](p *T, name string, line int) T {
	at(line)
	memAccess(unsafe.Pointer(p), name, false)
	return *p
}

// at makes line the line of the running goroutine's next operation.
func at(line int) {
	if r := current; r != nil && r.cur != nil && !r.clock {
		r.cur.deferLine = int32(line)
	}
}

// Store writes v to the shared variable *p, named name in the program.
func Store[T any](p *T, v T, name string) {
	memAccess(unsafe.Pointer(p), name, true)
	*p = v
}

// mapID is the identity of a map: a map value is a pointer to the
// runtime's map header.
func mapID[M ~map[K]V, K comparable, V any](m M) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&m))
}

// mapAccess is the scheduling point before a map operation and its checks:
// Go's fatal errors when another goroutine is in the middle of writing the
// map, and the race detector (a map is one variable to it, as to Go's).
// It returns the map's shadow, nil if there is none (no run, a nil map,
// the race detector off).
func mapAccess(p unsafe.Pointer, name string, write bool) *shadow {
	r := current
	if r == nil || r.clock || p == nil {
		return nil
	}
	op, ok := begin(5, 1) // begin ← mapAccess ← mapRead/mapWriteBegin ← MapLoad… ← the program
	if !ok {
		return nil
	}
	h := r.hb()
	if h == nil {
		return nil
	}
	h.check(r, op.g, p, name, write, op.Line)
	s := h.vars[p]
	if s.writing != nil && s.writing != op.g && s.writing.state.Alive() {
		if write {
			Fatal("concurrent map writes")
		}
		Fatal("concurrent map read and map write")
	}
	return s
}

func mapRead(p unsafe.Pointer, name string) { mapAccess(p, name, false) }

// mapWriteBegin is the first step of a map write: it sets the map's
// writing flag (Go's hashWriting), which another access before
// mapWriteEnd finds.
func mapWriteBegin(p unsafe.Pointer, name string) *shadow {
	s := mapAccess(p, name, true)
	if s != nil {
		s.writing = current.cur
	}
	return s
}

// mapWriteEnd is the second step of a map write: a scheduling point, then
// the write itself and the flag cleared.
func mapWriteEnd(s *shadow) {
	if s == nil {
		return
	}
	r := current
	if _, ok := begin(4, 1); !ok || r.cur != s.writing {
		return
	}
	s.writing = nil
}

// MapLoad is m[k] on a map of the program.
func MapLoad[M ~map[K]V, K comparable, V any](m M, k K, name string) V {
	mapRead(mapID(m), name)
	return m[k]
}

// MapLoad2 is v, ok := m[k].
func MapLoad2[M ~map[K]V, K comparable, V any](m M, k K, name string) (V, bool) {
	mapRead(mapID(m), name)
	v, ok := m[k]
	return v, ok
}

// MapStore is m[k] = v: a begin-write step and an end-write step, between
// which another goroutine's access to m is Go's fatal error.
func MapStore[M ~map[K]V, K comparable, V any](m M, k K, v V, name string) {
	if m == nil {
		m[k] = v // Go's panic: assignment to entry in nil map
	}
	s := mapWriteBegin(mapID(m), name)
	mapWriteEnd(s)
	m[k] = v
}

// MapDelete is delete(m, k).
func MapDelete[M ~map[K]V, K comparable, V any](m M, k K, name string) {
	s := mapWriteBegin(mapID(m), name)
	mapWriteEnd(s)
	delete(m, k)
}
