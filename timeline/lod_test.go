package timeline

import (
	"slices"
	"strconv"
	"testing"
)

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

// A label's count ("×3") is drawn with the last event it counts, its
// first part ("+1") with the first: the picture never tells of events to
// come (seen on a phone, where three Adds share a pixel).
func TestCountDrawnWithItsLastEvent(t *testing.T) {
	tests := []struct {
		desc string
		m    Marker
		want []string // each label text and the event that shows it
	}{
		{desc: "one Add", m: Marker{Kind: MarkAdd, X: 50, Seq0: 4, Seq1: 4, Label: "+1"}, want: []string{"+1@4"}},
		{desc: "three Adds in a pixel", m: Marker{Kind: MarkAdd, X: 50, Seq0: 4, Seq1: 9, Count: 3, Label: "+1 ×3"}, want: []string{"+1@4", "×3@9"}},
		{desc: "the Add kept beside a band", m: Marker{Kind: MarkAdd, X: 50, Seq0: 4, Seq1: 4, CountAt: 40, Label: "+1 ×12"}, want: []string{"+1@4", "×12@40"}},
	}
	for _, tt := range tests {
		w := &svgw{id: "lanes"}
		w.markerLabel(&tt.m, 20, 18)
		var got []string
		for _, b := range TextBoxes(string(w.b)) {
			got = append(got, b.Text)
		}
		for i, it := range w.items {
			if i < len(got) {
				got[i] += "@" + strconv.Itoa(it.seq)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: labels %q, want %q", tt.desc, got, tt.want)
		}
		if c := Collisions(string(w.b)); len(c) > 0 {
			t.Errorf("%s: %q overlaps %q", tt.desc, c[0][0].Text, c[0][1].Text)
		}
	}
}
