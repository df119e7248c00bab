package sim

import (
	"cmp"
	"iter"
	"reflect"
	"slices"
	"unsafe"
)

// Range is what `range m` over a map becomes in a twin (`for k, v :=
// range sim.Range(m)`): the map's entries in an order the strategy picks
// (ChooseMapOrder), so that the run is reproducible from its seed, as
// everything else in it, while exploring strategies still try other orders.
//
// The order is decided when the loop starts, among orders real Go can
// give. A map of at most 8 entries is one group of slots, which Go
// iterates from a random slot and around: the orders are the rotations of
// one order, so Range rotates the runtime's order, first put in a
// canonical rotation (the least key first), by the strategy's choice. A
// larger map's order depends on its hash seed: Range shuffles its sorted
// keys, one choice per position. As in Go, an entry deleted before the
// loop reaches it is skipped, one added during the loop is not produced,
// and the value is read when the loop reaches the entry. Keys are ordered
// as fmt orders a map's keys (pointer and channel keys by address, which
// is not reproducible). Outside a run, the order is the runtime's.
//
// Iterating reads the map, as Go's race detector sees it: the loop's start
// and each step to the next entry are a read access of the map named name
// (a scheduling point, checked for races) at line, the for statement's,
// and one that finds another
// goroutine in the middle of writing the map ends the program with Go's
// "fatal error: concurrent map iteration and map write".
func Range[M ~map[K]V, K comparable, V any](m M, name string, line int) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		it := MapIter(m, name, line)
		for k, v, ok := it.Next(); ok; k, v, ok = it.Next() {
			if !yield(k, v) {
				return
			}
		}
	}
}

// MapIter is Range for files older than go1.23, which cannot range over
// a function: the twin loops `for { k, v, ok := it.Next(); if !ok { break
// }; … }` over MapIter(m). The order is Range's, decided now.
func MapIter[M ~map[K]V, K comparable, V any](m M, name string, line int) *MapIterator[K, V] {
	p := mapID(m)
	mapIterAccess(p, name, line)
	keys := make([]K, 0, len(m))
	vals := make([]V, 0, len(m))
	for k, v := range m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	if r := current; r != nil && len(keys) > 1 {
		order := r.mapOrder(len(keys), func(i, j int) int { return compareKeys(reflect.ValueOf(keys[i]), reflect.ValueOf(keys[j])) })
		keys, vals = permute(keys, order), permute(vals, order)
	}
	return &MapIterator[K, V]{lookup: func(k K) (V, bool) { v, ok := m[k]; return v, ok }, keys: keys, vals: vals, p: p, name: name, line: line}
}

// mapIterAccess is the scheduling point and the checks of one step of a
// map iteration (Go's mapiternext): a read of the map for the race
// detector, and Go's fatal error if another goroutine is writing it.
func mapIterAccess(p unsafe.Pointer, name string, line int) {
	r := current
	if r == nil || r.clock || p == nil {
		return
	}
	at(line)
	op, ok := begin(4, 1) // begin ← mapIterAccess ← MapIter/Next ← the program (or Range's iterator)
	if !ok {
		return
	}
	h := r.hb()
	if h == nil {
		return
	}
	h.check(r, op.g, p, name, false, op.Line)
	if s := h.vars[p]; s.writing != nil && s.writing != op.g && s.writing.state.Alive() {
		Fatal("concurrent map iteration and map write")
	}
}

// MapIterator is a map iteration in progress (see MapIter).
type MapIterator[K comparable, V any] struct {
	lookup func(K) (V, bool)
	keys   []K
	vals   []V
	i      int
	p      unsafe.Pointer // the map, for mapIterAccess
	name   string
	line   int
}

// Next returns the next entry still in the map, or ok false when there is
// none.
func (it *MapIterator[K, V]) Next() (k K, v V, ok bool) {
	if it.i > 0 {
		mapIterAccess(it.p, it.name, it.line) // the first step was MapIter's
	}
	for it.i < len(it.keys) {
		i := it.i
		it.i++
		k = it.keys[i]
		if k != k { // NaN: never found by lookup, never deleted
			return k, it.vals[i], true
		}
		if v, ok = it.lookup(k); ok {
			return k, v, true
		}
	}
	return k, v, false
}

func permute[T any](s []T, order []int) []T {
	out := make([]T, len(s))
	for i, j := range order {
		out[i] = s[j]
	}
	return out
}

// mapOrder returns the order (indices into the runtime's order) in which
// a map of n > 1 entries is iterated, cmp comparing two entries' keys.
func (r *run) mapOrder(n int, cmp func(i, j int) int) []int {
	choose := func(k int) int {
		if r.afterlife || r.clock || r.cur == nil || r.cur.killing {
			return 0
		}
		return r.decide(Choice{Kind: ChooseMapOrder, N: k})
	}
	order := make([]int, n)
	if n <= 8 {
		least := 0
		for i := 1; i < n; i++ {
			if cmp(i, least) < 0 {
				least = i
			}
		}
		start := least + choose(n)
		for i := range order {
			order[i] = (start + i) % n
		}
		return order
	}
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, cmp)
	for i := n - 1; i > 0; i-- {
		j := choose(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	return order
}

// compareKeys orders map keys as fmt does (internal/fmtsort), with
// interface values of different types ordered by their types' names.
func compareKeys(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := cmp.Compare(real(x), real(y)); c != 0 {
			return c
		}
		return cmp.Compare(imag(x), imag(y))
	case reflect.Bool:
		x, y := a.Bool(), b.Bool()
		switch {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer, reflect.Chan:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		switch {
		case a.IsNil() && b.IsNil():
			return 0
		case a.IsNil():
			return -1
		case b.IsNil():
			return 1
		}
		ta, tb := a.Elem().Type(), b.Elem().Type()
		if ta != tb {
			return cmp.Compare(ta.String(), tb.String())
		}
		return compareKeys(a.Elem(), b.Elem())
	}
	return 0
}
