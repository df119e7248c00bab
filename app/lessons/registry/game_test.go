package registry_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// TestGamePlay plays the race to the exit by picks as a page does: always
// the first goroutine offered, which wins; Undo goes back pick by pick;
// the state survives the URL; "runtime from here" finishes the game.
func TestGamePlay(t *testing.T) {
	c := registry.Course()
	g, err := c.Play("race-to-exit", "nowait", nil, "", 1, timeline.ScaleTime)
	if err != nil {
		t.Fatal(err)
	}
	var states [][]int
	for g.Pause != nil {
		// At a pause the drawing is the run so far: no end, no goroutine
		// not started yet, nothing after the pause.
		if err := trace.Validate(g.Trace); err != nil || g.Trace.Outcome.Exit != trace.ExitNone || len(g.Trace.Events) != g.Shown {
			t.Errorf("pick %d: the drawing's run: %v, exit %v, %d events (shown %d): want the run so far", len(states), err, g.Trace.Outcome.Exit, len(g.Trace.Events), g.Shown)
		}
		for _, id := range g.Pause.Goroutines {
			if g.Trace.Goroutine(id) == nil {
				t.Errorf("pick %d: goroutine %d may run but is not in the run so far", len(states), id)
			}
		}
		if strings.Contains(g.SVG, ", exit ") {
			t.Errorf("pick %d: the timeline's label tells the end: %.300s", len(states), g.SVG)
		}
		states = append(states, g.Choices)
		next, err := g.Pick(g.Pause.Goroutines[0])
		if err != nil {
			t.Fatal(err)
		}
		if g, err = c.Play("race-to-exit", "nowait", next, "", 1, timeline.ScaleTime); err != nil {
			t.Fatal(err)
		}
	}
	if !g.Won || g.Shown != len(g.Trace.Events) {
		t.Errorf("won %v, shown %d of %d: want a win with the whole run shown", g.Won, g.Shown, len(g.Trace.Events))
	}
	if got, want := g.Picks, len(states); got != want {
		t.Errorf("picks = %d, want %d", got, want)
	}
	l, _ := c.Lesson("race-to-exit")
	if v, _ := l.Variant("nowait"); v.Challenge.Fewest > g.Preemptions {
		t.Errorf("fewest possible %d: more than the %d preemptions of this win", v.Challenge.Fewest, g.Preemptions)
	}
	for i := len(states) - 1; i >= len(states)-2; i-- {
		if g, err = c.Play("race-to-exit", "nowait", g.Undo, "", 1, timeline.ScaleTime); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(g.Choices, states[i]) || g.Pause == nil {
			t.Errorf("undo to pick %d: choices %v, want %v", i, g.Choices, states[i])
		}
	}
	enc, ok := course.EncodeSched(g.Choices)
	if !ok {
		t.Fatal("EncodeSched failed")
	}
	v, notes := course.ParseViewState(url.Values{"sched": {enc}})
	back, err := course.DecodeSched(v.Sched)
	if len(notes) > 0 || err != nil || !slices.Equal(back, g.Choices) {
		t.Errorf("sched=%s reads back as %v (%v, %v), want %v", enc, back, notes, err, g.Choices)
	}
	if _, err := g.Pick(99); err == nil {
		t.Error("Pick(99): no error for a goroutine that does not exist")
	}
	fin, err := c.Play("race-to-exit", "nowait", g.Choices, "runtime", 1, timeline.ScaleTime)
	if err != nil || fin.Pause != nil || !fin.Won {
		t.Errorf("runtime from here: pause %v, won %v, err %v: want the runtime's end, a win", fin.Pause, fin.Won, err)
	}
	if _, err := c.Play("race-to-exit", "nowait", nil, "sideways", 1, timeline.ScaleTime); err == nil {
		t.Error(`then "sideways": no error`)
	}
}

func TestSchedParam(t *testing.T) {
	tests := []struct {
		desc, v, want string
		note          bool
	}{
		{desc: "the start", v: "-", want: "-"},
		{desc: "choices", v: "0010", want: "0010"},
		{desc: "bad: the game starts over", v: "0!1", want: "-", note: true},
	}
	for _, tt := range tests {
		s, notes := course.ParseViewState(url.Values{"sched": {tt.v}})
		if got := s.Sched; got != tt.want || (len(notes) > 0) != tt.note {
			t.Errorf("%s: sched=%q: %q %v, want %q (note %v)", tt.desc, tt.v, got, notes, tt.want, tt.note)
		}
	}
}
