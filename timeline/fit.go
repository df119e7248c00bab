package timeline

import (
	"math"

	"lanes/sim/trace"
)

// maxGrow: for Options.Height, lanes and tracks grow this much at most
// (a lane of 26 px to 46; its bars thicken from 10 px to 16).
const maxGrow = 1.8

// fit is d, laid out with o, again with its lanes and tracks (not the
// caption, axis and legend) grown to fill o.Height, up to maxGrow; d
// when it is already as high or no height is asked for.
func fit(t *trace.Trace, o Options, d *Diagram) *Diagram {
	if o.Height <= d.Height+1 {
		return d
	}
	var grow float64
	for _, ln := range d.Lanes {
		grow += ln.H
	}
	for _, tr := range d.Tracks {
		grow += tr.H
	}
	f := min(maxGrow, 1+(o.Height-d.Height)/max(grow, 1))
	if grow <= 0 || f <= 1.02 {
		return d
	}
	f = math.Floor(f*50) / 50 // a few sizes: the same picture for nearby heights
	o.LaneHeight *= f
	return layout(t, o, f)
}
