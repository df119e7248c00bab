package timeline

import "testing"

// TestAggregateCountsTheBand: the one marker kept of a kind a band is made
// of says how many of that kind the band holds, not how many shared its
// own pixel.
func TestAggregateCountsTheBand(t *testing.T) {
	tests := []struct {
		desc string
		ms   []Marker
		want string // the kept Add's label
	}{
		{desc: "a run of Adds, the first merged with two more", want: "+1 ×12",
			ms: append([]Marker{{Kind: MarkAdd, X: 10, Count: 3, Label: "+1 ×3"}}, adds(9, 10.5)...)},
		{desc: "a run of single Adds", want: "+1 ×9", ms: adds(9, 10)},
		{desc: "too few to band: labels as they were", want: "+1 ×3",
			ms: []Marker{{Kind: MarkAdd, X: 10, Count: 3, Label: "+1 ×3"}, {Kind: MarkAdd, X: 40, Label: "+1"}}},
	}
	for _, tt := range tests {
		out := aggregate(tt.ms)
		got := ""
		for _, m := range out {
			if m.Kind == MarkAdd {
				got = m.Label
				break
			}
		}
		if got != tt.want {
			t.Errorf("%s: the kept Add says %q, want %q", tt.desc, got, tt.want)
		}
	}
}

// adds is n Add markers half a pixel apart from x.
func adds(n int, x float64) []Marker {
	var ms []Marker
	for i := range n {
		ms = append(ms, Marker{Kind: MarkAdd, X: x + float64(i)*0.5, Label: "+1"})
	}
	return ms
}
