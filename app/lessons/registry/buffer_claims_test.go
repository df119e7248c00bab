package registry_test

import (
	"strings"
	"testing"
	"time"

	"lanes/app/lessons/registry"
	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// TestBufferedLessonText checks the channels lesson's paragraph on the
// buffered channel against the run a reader sees first (the runtime
// strategy), sentence by sentence, and that the track it tells the reader
// to follow is drawn.
func TestBufferedLessonText(t *testing.T) {
	l, ok := registry.Find("channels")
	if !ok {
		t.Fatal("no channels lesson")
	}
	v, ok := l.Variant("buffered")
	if !ok {
		t.Fatal("no buffered variant")
	}
	tr := sim.Run(v.Main, sim.Options{Program: "main.go"})
	if err := trace.Validate(tr); err != nil {
		t.Fatal(err)
	}
	var ch *trace.Object
	for i := range tr.Objects {
		if tr.Objects[i].Name == "ch" {
			ch = &tr.Objects[i]
		}
	}
	if ch == nil || ch.Cap != 2 {
		t.Fatalf("no object named ch with capacity 2 in %+v", tr.Objects)
	}
	// when each line was printed
	printed := map[string]trace.Time{}
	for _, e := range events(tr, trace.KindPrint) {
		printed[strings.TrimSpace(e.Text)] = e.Time
	}
	fill := int64(0) // ch's buffer, after each event
	consumerStarted := false
	var blockedAt []int64 // the fill each time main blocked on a send
	sendsAtFull := 0      // sends main began while the buffer was full
	for k, e := range tr.Events {
		switch {
		case e.G != 1 && e.Kind == trace.KindState && e.State == trace.StateRunning:
			consumerStarted = true
		case e.Obj == ch.ID && (e.Kind == trace.KindSend || e.Kind == trace.KindRecv):
			if e.Kind == trace.KindSend && e.Peer != trace.NoGoroutine {
				t.Errorf("event %d: %s: the text says no value goes straight to the consumer", k, timeline.Caption(tr, k))
			}
			if e.Kind == trace.KindSend && e.Value <= 2 && !consumerStarted && fill+1 != e.Value {
				t.Errorf("event %d: %s: before the consumer starts each send should go into the buffer", k, timeline.Caption(tr, k))
			}
			fill = e.Value
		case e.G == 1 && e.Kind == trace.KindState && e.State == trace.StateBlocked && e.Obj == ch.ID:
			blockedAt = append(blockedAt, fill)
		case e.G == 1 && e.Kind == trace.KindStmt && e.Line == 19 && fill == 2:
			sendsAtFull++
		}
	}
	tests := []struct {
		desc      string
		got, want any
	}{
		{"sent 1 at once", printed["sent 1"], trace.Time(0)},
		{"sent 2 at once", printed["sent 2"], trace.Time(0)},
		{"sent 3 still comes at 0 ms", printed["sent 3"], trace.Time(0)},
		{"the consumer is back 100 ms later and takes 2: sent 4", printed["sent 4"], trace.Time(100 * time.Millisecond)},
		{"consumed 1 after its 100 ms sleep", printed["consumed 1"], trace.Time(100 * time.Millisecond)},
		{"the third and the fourth send block", len(blockedAt), 2},
		{"main blocks exactly when the buffer is full (every block at 2)", blockedAt, []int64{2, 2}},
		{"main blocks exactly when the buffer is full (every send begun at full blocks)", sendsAtFull, len(blockedAt)},
		{"output", tr.Outcome.Output, "sent 1\nsent 2\nsent 3\n  consumed 1\nsent 4\n  consumed 2\n  consumed 3\n  consumed 4\n"},
	}
	for _, tc := range tests {
		if got, want := tc.got, tc.want; !equal(got, want) {
			t.Errorf("%s: got %v, want %v", tc.desc, got, want)
		}
	}
	// The track the text names: "ch buffer", filling to 2.
	d := timeline.Layout(tr, timeline.Options{})
	found := false
	for _, trk := range d.Tracks {
		if trk.Kind != timeline.TrackBuffer || trk.Label != "ch buffer" {
			continue
		}
		found = true
		top := int64(0)
		for _, p := range trk.Points {
			top = max(top, p.V)
		}
		if got, want := top, int64(2); got != want || trk.Max != 2 {
			t.Errorf("ch buffer track: peak %d of %d, want it to fill to %d of 2", got, trk.Max, want)
		}
	}
	if !found {
		t.Errorf("no \"ch buffer\" track, which the lesson tells the reader to follow")
	}
	if text := l.HTML; !strings.Contains(text, "<code>ch buffer</code> track") || !strings.Contains(text, "fills to 2") {
		t.Errorf("the lesson's text no longer names the track this test checks; update both")
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []int64:
		b, ok := b.([]int64)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	return a == b
}
