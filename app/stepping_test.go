package app

import (
	"testing"

	"lanes/sim/trace"
)

func TestStepTarget(t *testing.T) {
	ev := func(g trace.GoID, k trace.Kind, st trace.State, line int32) trace.Event {
		return trace.Event{G: g, Kind: k, State: st, Line: line}
	}
	tr := &trace.Trace{Events: []trace.Event{
		ev(1, trace.KindState, trace.StateRunning, 0),  // 0 noise
		ev(1, trace.KindStmt, 0, 5),                    // 1 main line 5
		ev(1, trace.KindGo, 0, 5),                      // 2
		ev(2, trace.KindState, trace.StateRunnable, 0), // 3 noise
		ev(1, trace.KindStmt, 0, 6),                    // 4 main line 6
		ev(1, trace.KindState, trace.StateBlocked, 6),  // 5
		ev(2, trace.KindState, trace.StateRunning, 0),  // 6 noise
		ev(2, trace.KindStmt, 0, 10),                   // 7 worker line 10
		ev(2, trace.KindStmt, 0, 11),                   // 8 worker line 11
		ev(1, trace.KindStmt, 0, 7),                    // 9 main line 7
	}}
	tests := []struct {
		desc     string
		pos, dir int
		byLine   bool
		want     int
	}{
		{"from the start, the first event that says something", 0, 1, false, 2},
		{"a runnable event is folded", 3, 1, false, 5},
		{"back over a folded event", 5, -1, false, 3},
		{"back to the start", 1, -1, false, 0},
		{"forward at the end stays", 10, 1, false, 10},
		{"by line: main's next line", 2, 1, true, 5},
		{"by line: the worker's next line, main's skipped", 8, 1, true, 9},
		{"by line: main's next line after the worker's", 5, 1, true, 10},
		{"by line back: main's previous line", 10, -1, true, 5},
	}
	for _, tc := range tests {
		if got := stepTarget(tr, tc.pos, tc.dir, tc.byLine); got != tc.want {
			t.Errorf("%s: stepTarget(%d, %d, line %v) = %d, want %d", tc.desc, tc.pos, tc.dir, tc.byLine, got, tc.want)
		}
	}
}
