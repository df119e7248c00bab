package timeline

import (
	"math"

	"lanes/sim/trace"
)

// maxGrow: for Options.Height, lanes and tracks grow this much at most
// (a lane of 26 px to 46; its bars thicken from 10 px to 16).
const maxGrow = 1.8

// minShrink: for Options.MaxHeight, lanes and tracks shrink this much at
// most (a lane of 26 px to 19.5, still taller than its 11 px label; its
// bars keep their 10 px).
const minShrink = 0.75

// fit is d, laid out with o, again with its lanes and tracks (not the
// caption, axis and legend) grown to fill o.Height, up to maxGrow, or
// shrunk to o.MaxHeight, down to minShrink; d when it already fits or
// no height is asked for.
func fit(t *trace.Trace, o Options, d *Diagram) *Diagram {
	var lanes, tracks float64
	for _, ln := range d.Lanes {
		lanes += ln.H
	}
	for _, tr := range d.Tracks {
		tracks += tr.H
	}
	var f, laneF float64
	switch {
	case o.MaxHeight > 0 && d.Height > o.MaxHeight+1:
		// A label on two rows needs its lane's 26 px: then only the
		// tracks give up height.
		if wrapped(d) {
			lanes = 0
		}
		if lanes+tracks <= 0 {
			return d
		}
		f = 1 - (d.Height-o.MaxHeight)/(lanes+tracks)
		if f >= 0.98 {
			return d
		}
		f = max(minShrink, math.Floor(f*50)/50) // a few sizes; under the height rather than over
		laneF = 1
		if lanes > 0 {
			laneF = f
		}
	case o.Height > d.Height+1 && lanes+tracks > 0:
		f = min(maxGrow, 1+(o.Height-d.Height)/(lanes+tracks))
		if f <= 1.02 {
			return d
		}
		f = math.Floor(f*50) / 50 // a few sizes: the same picture for nearby heights
		laneF = f
	default:
		return d
	}
	natural := d.Height
	o.LaneHeight *= laneF
	d = layout(t, o, f)
	d.Shrunk = max(0, natural-d.Height)
	return d
}

// wrapped reports whether a lane's label is drawn on two rows.
func wrapped(d *Diagram) bool {
	n := labelChars(d.Left, 0)
	for _, ln := range d.Lanes {
		if len(labelRows(ln.Label, n)) > 1 {
			return true
		}
	}
	return false
}
