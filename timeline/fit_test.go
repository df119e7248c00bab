package timeline

import (
	"strings"
	"testing"
)

// TestFitAtMost: Options.MaxHeight shrinks the lanes and tracks to fit a
// height, not below minShrink, and the SVG says by how much.
func TestFitAtMost(t *testing.T) {
	natural := Layout(manyTrace(9, 1), Options{Width: 700, MaxLanes: 5, InFlight: true})
	tests := []struct {
		desc   string
		most   float64
		wantAt float64 // the picture at most this high (0: as high as natural × minShrink allows)
		shrunk bool
	}{
		{"no limit", 0, natural.Height, false},
		{"taller than natural", natural.Height + 50, natural.Height, false},
		{"a pixel under: kept", natural.Height - 1, natural.Height, false},
		{"40 px under", natural.Height - 40, natural.Height - 40, true},
		{"far under: stops at minShrink", 50, 0, true},
	}
	for _, tc := range tests {
		d := Layout(manyTrace(9, 1), Options{Width: 700, MaxLanes: 5, InFlight: true, MaxHeight: tc.most})
		if tc.wantAt > 0 && d.Height > tc.wantAt+1 {
			t.Errorf("%s: %v high, want at most %v", tc.desc, d.Height, tc.wantAt)
		}
		if got, want := d.Lanes[0].H, natural.Lanes[0].H*minShrink; got < want-0.01 {
			t.Errorf("%s: a lane of %v, want at least %v", tc.desc, got, want)
		}
		svg := SVG(d, SVGOptions{})
		if got := strings.Contains(svg, ` data-shrunk="`); got != tc.shrunk || (d.Shrunk > 0) != tc.shrunk {
			t.Errorf("%s: data-shrunk in the SVG %v, Shrunk %v; want shrunk %v", tc.desc, got, d.Shrunk, tc.shrunk)
		}
		for _, p := range Collisions(svg) {
			t.Errorf("%s: %q overlaps %q", tc.desc, p[0].Text, p[1].Text)
		}
	}
}
