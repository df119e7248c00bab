package timeline

import "lanes/sim/trace"

// Names is each goroutine's display name, indexed by GoID (index 0 is
// unused): the name its lane and the captions give it ("worker(1, &wg)",
// "func 2"), for other views of the same run (the code pane's badges).
func Names(t *trace.Trace) []string { return newNamer(t).display }

// LaneColour is the colour class of goroutine g ("g0"…"g7"): its lane
// label in the timeline and its badges in the code pane share it.
func LaneColour(g trace.GoID) string {
	if g < 1 {
		return ""
	}
	return laneColours[int(g-1)%len(laneColours)]
}

var laneColours = [...]string{"g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7"}
