// Package ptrsort sorts a slice of structs stably through pointers to its
// elements.
//
// slices' generic sorts are compiled once per element shape: a struct is
// its own shape (about 10 KB of wasm for each struct sorted), while every
// pointer shares one. The simulator's explorer reports and the course's
// explore outcomes sort through here, which keeps the browser build
// smaller (BENCHMARKS.md, "Where the wasm's bytes go").
package ptrsort

import "slices"

// SortStable is slices.SortStableFunc(s, cmp) with cmp given pointers to
// the elements: equal elements keep their order.
func SortStable[T any](s []T, cmp func(a, b *T) int) {
	ps := make([]*T, len(s))
	for i := range s {
		ps[i] = &s[i]
	}
	slices.SortStableFunc(ps, cmp)
	sorted := make([]T, len(s))
	for i, p := range ps {
		sorted[i] = *p
	}
	copy(s, sorted)
}
