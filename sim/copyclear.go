package sim

import "unsafe"

// The builtins copy and clear on the program's slices and maps, which the
// rewriter routes here: each is one step (a scheduling point) whose
// accesses the race detector checks as Go's does (copy reads every copied
// element of src and writes every one of dst; clear writes a slice's
// elements, or the map, which is a map write: Go's "concurrent map
// writes" if another goroutine is in the middle of writing it).

// Copy is copy(dst, src), dst and src named dstName and srcName in the
// program.
func Copy[E any](dst, src []E, dstName, srcName string) int {
	if n := min(len(dst), len(src)); n > 0 {
		if r, op, ok := elemStep(); ok {
			if h := r.hb(); h != nil {
				for i := range n {
					h.check(r, op.g, unsafe.Pointer(&src[i]), srcName, false, op.Line)
				}
				for i := range n {
					h.check(r, op.g, unsafe.Pointer(&dst[i]), dstName, true, op.Line)
				}
			}
		}
	}
	return copy(dst, src)
}

// ClearSlice is clear(s), s named name in the program.
func ClearSlice[S ~[]E, E any](s S, name string) {
	if len(s) > 0 {
		if r, op, ok := elemStep(); ok {
			if h := r.hb(); h != nil {
				for i := range s {
					h.check(r, op.g, unsafe.Pointer(&s[i]), name, true, op.Line)
				}
			}
		}
	}
	clear(s)
}

// ClearMap is clear(m): a map write, in two steps as MapStore.
func ClearMap[M ~map[K]V, K comparable, V any](m M, name string) {
	s := mapWriteBegin(mapID(m), name)
	mapWriteEnd(s)
	clear(m)
}

// elemStep is the scheduling point of Copy or ClearSlice; ok is false
// outside a run or while the goroutine is unwound.
func elemStep() (*run, Op, bool) {
	r := current
	if r == nil || r.clock {
		return nil, Op{}, false
	}
	op, ok := begin(4, 1) // begin ← elemStep ← Copy/ClearSlice ← the program
	return r, op, ok
}
