package timeline

import (
	"strings"
	"testing"
)

func TestWindow(t *testing.T) {
	tests := []struct {
		desc string
		got  Window
		want Window
	}{
		{"zero is everything", Window{}.norm(), Window{0, 1}},
		{"zoom 2x around the middle", Window{}.Zoom(2, 0.5), Window{0.25, 0.75}},
		{"zoom 2x at the left edge", Window{}.Zoom(2, 0), Window{0, 0.5}},
		{"zoom out past everything", Window{0.25, 0.75}.Zoom(0.1, 0.5), Window{0, 1}},
		{"pan right by half", Window{0.25, 0.75}.Pan(0.5), Window{0.5, 1}},
		{"pan stops at the end", Window{0.5, 1}.Pan(0.5), Window{0.5, 1}},
		{"pan stops at the start", Window{0, 0.5}.Pan(-1), Window{0, 0.5}},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.desc, tc.got, tc.want)
		}
	}
}

// TestZoomedLayout: a window maps every x through it (X and Seq stay
// inverse), nothing is drawn outside the plot, and the ticks are inside.
func TestZoomedLayout(t *testing.T) {
	tr := bigTrace(300)
	for _, sc := range []Scale{ScaleTime, ScaleStep} {
		full := Layout(tr, Options{Scale: sc, InFlight: true})
		win := Window{0.2, 0.3}
		d := Layout(tr, Options{Scale: sc, InFlight: true, Window: win})
		w := full.Right - full.Left
		for _, k := range []int{0, len(tr.Events) / 3, len(tr.Events) - 1} {
			want := full.Left + (full.X(k)-full.Left-0.2*w)/0.1
			if got := d.X(k); got < want-1e-6 || got > want+1e-6 {
				t.Errorf("%s: X(%d) = %.2f, want %.2f", sc, k, got, want)
			}
			if got := d.Seq(d.X(k)); got != k {
				t.Errorf("%s: Seq(X(%d)) = %d", sc, k, got)
			}
		}
		for _, ln := range d.Lanes {
			for _, m := range ln.Markers {
				if !d.inPlot(m.X, 8) {
					t.Errorf("%s: marker at x %.1f outside the plot [%.0f, %.0f]", sc, m.X, d.Left, d.Right)
				}
			}
		}
		labelled := len(d.Axis.Ticks)
		for _, in := range d.Axis.Instants {
			if in.Label != "" {
				labelled++
			}
		}
		if labelled < 1 {
			t.Errorf("%s: nothing labelled on the zoomed axis (%d ticks, %d instants)", sc, len(d.Axis.Ticks), len(d.Axis.Instants))
		}
		for _, tk := range d.Axis.Ticks {
			if !d.inPlot(tk.X, 1) {
				t.Errorf("%s: tick %q at %.1f outside the plot", sc, tk.Label, tk.X)
			}
		}
		svg := SVG(d, SVGOptions{})
		checkXML(t, "zoomed", svg)
		if !strings.Contains(svg, `-plot"><rect x="175"`) {
			t.Errorf("%s: the zoomed SVG does not clip its bars to the plot", sc)
		}
		for _, p := range Collisions(svg) {
			t.Errorf("%s: zoomed: %q overlaps %q", sc, p[0].Text, p[1].Text)
		}
	}
}
