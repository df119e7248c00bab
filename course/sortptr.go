package course

import "slices"

// sortStableByPtr is slices.SortStableFunc(s, cmp) sorting pointers to the
// elements. slices' generic sorts are compiled once per element shape: a
// struct is its own shape (about 10 KB of wasm for each struct sorted),
// while every pointer shares one, so sorting the outcomes through
// pointers keeps the browser build smaller.
func sortStableByPtr[T any](s []T, cmp func(a, b *T) int) {
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
