package ptrsort

import (
	"slices"
	"testing"
)

// SortStable sorts as slices.SortStableFunc does: equal elements keep
// their order.
func TestSortStable(t *testing.T) {
	type kv struct {
		K    int
		Name string
	}
	tests := []struct {
		desc string
		in   []kv
	}{
		{desc: "empty"},
		{desc: "one", in: []kv{{1, "a"}}},
		{desc: "sorted", in: []kv{{1, "a"}, {2, "b"}}},
		{desc: "reversed", in: []kv{{3, "c"}, {2, "b"}, {1, "a"}}},
		{desc: "ties keep their order", in: []kv{{2, "a"}, {1, "b"}, {2, "c"}, {1, "d"}, {2, "e"}, {0, "f"}}},
	}
	for _, tt := range tests {
		want := slices.Clone(tt.in)
		slices.SortStableFunc(want, func(a, b kv) int { return a.K - b.K })
		got := slices.Clone(tt.in)
		SortStable(got, func(a, b *kv) int { return a.K - b.K })
		if !slices.Equal(got, want) {
			t.Errorf("%s: SortStable = %v, want %v", tt.desc, got, want)
		}
	}
}
