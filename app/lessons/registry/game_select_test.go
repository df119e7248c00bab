package registry_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// selectPrefix finds, by random schedules, the choices that lead a
// variant to its program's own select with several ready cases: the
// choices before that select's decision.
func selectPrefix(t *testing.T, slug, variant string) []int {
	t.Helper()
	l, _ := registry.Course().Lesson(slug)
	v, ok := l.Variant(variant)
	if !ok {
		t.Fatalf("no variant %s/%s", slug, variant)
	}
	for seed := uint64(1); seed <= 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		at := -1
		tr := sim.Run(v.Main, sim.Options{Program: "main.go", Strategy: sim.Manual(func(c sim.Choice) int {
			if at < 0 && c.Kind == sim.ChooseSelect && c.User {
				at = c.Step
			}
			if c.Kind == sim.ChooseSlip {
				return rng.IntN(4) / 3 // a slip now and then
			}
			return rng.IntN(c.N)
		})})
		if at >= 0 {
			return slices.Clone(tr.Choices[:at])
		}
	}
	t.Fatalf("%s/%s: no random schedule reaches a select with several ready cases", slug, variant)
	return nil
}

// TestGameSelect: in the leaky-ticker fix, the worker's select can find
// both the tick and the cancellation ready; the game then offers each case
// by its text and line, the pick decides which proceeds, and the sched
// URL keeps it (undo comes back to the same question).
func TestGameSelect(t *testing.T) {
	c := registry.Course()
	prefix := selectPrefix(t, "leaks", "context")
	g, err := c.Play("leaks", "context", prefix, "", 1, timeline.ScaleTime)
	if err != nil {
		t.Fatal(err)
	}
	if g.Pause == nil || !g.Pause.Select {
		t.Fatalf("pause %+v: want a select", g.Pause)
	}
	want := []course.SelectCase{{Line: 17, Text: "case <-ticker.C"}, {Line: 19, Text: "case <-ctx.Done()"}}
	if !slices.Equal(g.Cases, want) {
		t.Fatalf("cases %+v, want %+v", g.Cases, want)
	}
	for i := range g.Cases {
		next, err := g.PickCase(i)
		if err != nil {
			t.Fatal(err)
		}
		after, err := c.Play("leaks", "context", next, "", 1, timeline.ScaleTime)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := after.Picks, g.Picks+1; got != want {
			t.Errorf("case %d: picks %d, want %d", i, got, want)
		}
		if after.Preemptions != g.Preemptions {
			t.Errorf("case %d: a select case counted as a preemption (%d → %d)", i, g.Preemptions, after.Preemptions)
		}
		sel := after.Trace.Events[g.Shown:]
		found := false
		for _, e := range sel {
			if e.Kind == trace.KindSelect {
				found = true
				if got, want := int(e.Value), g.Pause.Cases[i]; got != want {
					t.Errorf("case %d: the select proceeded with case %d, want %d", i, got, want)
				}
				break
			}
		}
		if !found {
			t.Errorf("case %d: no select event after the pause", i)
		}
		enc, _ := course.EncodeSched(next)
		back, err := course.DecodeSched(enc)
		if err != nil || !slices.Equal(back, next) {
			t.Errorf("case %d: sched=%s reads back as %v, want %v", i, enc, back, next)
		}
		undo, err := c.Play("leaks", "context", after.Undo, "", 1, timeline.ScaleTime)
		if err != nil || undo.Pause == nil || !undo.Pause.Select || !slices.Equal(undo.Choices, g.Choices) {
			t.Errorf("case %d: undo gives %v (pause %+v), want the select again at %v", i, undo.Choices, undo.Pause, g.Choices)
		}
	}
	if _, err := g.PickCase(2); err == nil {
		t.Error("PickCase(2) of two ready cases: no error")
	}
}
