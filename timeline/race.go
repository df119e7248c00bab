package timeline

import (
	"strconv"

	"lanes/sim/trace"
)

// Races and time slips, the wider world's two events.
//
// A data race (trace.KindRace, found at its second access) is drawn as two
// marks joined by a line: one on the lane of the access that found it, at
// its event, and one on the lane of the earlier access, at that
// goroutine's last step at the earlier access's line (or at the race's
// instant when there is none), each labelled "R 14" or "W 14" (read or
// write, and the line). A time slip (trace.KindTimeSlip) is a marked slip
// on the clock lane, labelled with how far the clock jumped. Both belong
// to the race event's (or slip's) sequence number, so they appear as the
// run unfolds to it.

// Marker kinds of the wider world.
const (
	MarkRace MarkKind = "race" // one access of a data race; an Arrow of this kind joins the two
	MarkSlip MarkKind = "slip" // time slipped
)

func init() {
	legendLabels[string(MarkRace)] = "data race"
	legendLabels[string(MarkSlip)] = "time slips"
	legendOrder = append(legendOrder, string(MarkRace), string(MarkSlip))
}

// raceStyles are the race's and the slip's rules (see styleRules).
var raceStyles = []struct{ sel, light, dark string }{
	{".m-race", "fill:#d55e00;stroke:#d55e00", "fill:#f07b2a;stroke:#f07b2a"},
	{".a-race", "stroke:#d55e00;stroke-width:1.6;stroke-dasharray:2 2;fill:none", "stroke:#f07b2a"},
	{".m-slip", "fill:#cc79a7", "fill:#e29bc6"},
}

// slipLabel is the label of a time slip's marker: "+10ms", or "+0s" when
// timers due now fired before runnable goroutines.
func slipLabel(e *trace.Event) string { return "+" + trace.Time(e.Delta).String() }

// access is "W 14" or "R 9".
func access(write bool, line int64) string {
	rw := "R "
	if write {
		rw = "W "
	}
	return rw + strconv.FormatInt(line, 10)
}

// race draws the race event k (e) at x.
func (l *layouter) race(k int, e *trace.Event, x float64) {
	t, d := l.t, l.d
	if !l.solo[e.G] || !l.solo[e.Peer] {
		return
	}
	prevX := x
	for j := k - 1; j >= 0; j-- {
		if p := &t.Events[j]; p.G == e.Peer && int64(p.Line) == e.Value && p.Kind == trace.KindStmt {
			prevX = d.X(j)
			break
		}
	}
	title := l.names.caption(t, k, false)
	now, prev := &d.Lanes[l.laneOf[e.G]], &d.Lanes[l.laneOf[e.Peer]]
	prev.Markers = append(prev.Markers, Marker{Kind: MarkRace, X: prevX, Y: prev.Mid(), Seq0: k, Seq1: k,
		Label: access(e.Delta&trace.RacePrevWrite != 0, e.Value), Title: title})
	now.Markers = append(now.Markers, Marker{Kind: MarkRace, X: x, Y: now.Mid(), Seq0: k, Seq1: k,
		Label: access(e.Delta&trace.RaceWrite != 0, int64(e.Line)), Title: title})
	d.Arrows = append(d.Arrows, Arrow{Kind: MarkRace, X0: prevX, Y0: prev.Mid(), X1: x, Y1: now.Mid(), Seq0: k, Seq1: k, Title: title})
}

// raceShape draws the shape of the two wider-world marker kinds; it
// reports whether k is one of them.
func (w *svgw) raceShape(k MarkKind, x, y float64) bool {
	switch k {
	case MarkRace: // a lightning bolt
		w.s("M")
		w.pt(x+1.5, y-6)
		w.s("L")
		w.pt(x-3.5, y+1)
		w.s("L")
		w.pt(x, y+1)
		w.s("L")
		w.pt(x-1.5, y+6)
		w.s("L")
		w.pt(x+3.5, y-1)
		w.s("L")
		w.pt(x, y-1)
		w.s("z")
	case MarkSlip: // two chevrons: the clock jumps ahead
		for _, dx := range []float64{-4, 1} {
			w.s("M")
			w.pt(x+dx, y-4.5)
			w.s("L")
			w.pt(x+dx+4, y)
			w.s("L")
			w.pt(x+dx, y+4.5)
			w.s("z")
		}
	default:
		return false
	}
	return true
}

var raceSheet = sheet(raceStyles)

// raceCSS is the style sheet of races and slips when d draws one (so that
// the drawings of runs without them stay as they were), or "".
func raceCSS(d *Diagram) string {
	for i := range d.Lanes {
		for j := range d.Lanes[i].Markers {
			if k := d.Lanes[i].Markers[j].Kind; k == MarkRace || k == MarkSlip {
				return raceSheet
			}
		}
	}
	return ""
}
