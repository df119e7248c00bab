package registry_test

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/sim"
)

// buggy are the variants that must have a challenge of their own: one per
// bug the course shows.
var buggy = []string{
	"race-to-exit/nowait", "race-to-exit/sleep", "golden-rule/add-inside", "misuse/extra-done",
	"misuse/forgotten-done", "misuse/reuse", "loop-trap/pre122", "leaks/ticker", "leaks/blocked-send",
	"panics/crash", "channels/buffered",
}

// TestChallengesWin: every challenge of a variant's own has a recorded
// winning schedule: replayed, the run meets the goal, and played as the
// scheduler game (the same choices as the reader's picks) it ends there.
func TestChallengesWin(t *testing.T) {
	own := map[string]bool{}
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			c := v.Challenge
			if c == nil || c.Fixed() {
				continue
			}
			key := l.Slug + "/" + v.Name
			own[key] = true
			g, err := c.ParsedGoal()
			if err != nil {
				t.Errorf("%s: goal %q: %v", key, c.Goal, err)
				continue
			}
			choices, err := course.DecodeChoices(c.Solution)
			if err != nil {
				t.Errorf("%s: solution: %v", key, err)
				continue
			}
			tr := sim.Run(v.Main, sim.Options{Program: "main.go", Strategy: sim.Replay(choices)})
			if !g.Met(course.EndOf(tr)) {
				t.Errorf("%s: the solution ends with %q (%v), which does not meet %q", key, tr.Outcome.Output, tr.Outcome.Exit, c.Goal)
			}
			s := sim.RunScheduled(v.Main, sim.Options{Program: "main.go"}, tr.Choices, nil)
			if s.Pause != nil || !g.Met(course.EndOf(s.Trace)) {
				t.Errorf("%s: played as the game, the solution does not end in a win (pause %+v)", key, s.Pause)
			}
		}
	}
	for _, k := range buggy {
		if !own[k] {
			t.Errorf("%s: no challenge of its own", k)
		}
	}
}

// TestChallengesImpossibleWhenFixed: on a fixed variant, the bounded
// exhaustive search runs every schedule within its bound (as many as the
// front matter's searched says, which the page shows) and none meets the
// goal.
func TestChallengesImpossibleWhenFixed(t *testing.T) {
	n := 0
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			c := v.Challenge
			if c == nil || !c.Fixed() {
				continue
			}
			n++
			key := l.Slug + "/" + v.Name
			g, err := c.ParsedGoal()
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			rep, err := sim.Explore(v.Main, sim.ExploreOptions{Strategy: "exhaustive", Runs: 1_000_000})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.BoundComplete() || rep.Bound != sim.DefaultBound {
				t.Errorf("%s: the search did not complete bound %d: %+v", key, sim.DefaultBound, rep)
			}
			if got, want := rep.Runs, c.Searched; got != want {
				t.Errorf("%s: searched %d schedules, front matter says %d (searched: in lesson.md)", key, got, want)
			}
			for _, o := range rep.Outcomes {
				if g.Met(course.EndOfOutcome(o)) {
					t.Errorf("%s: an outcome meets %q: %q %v (choices %v)", key, c.Goal, o.Output, o.Exit, o.Choices)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no fixed variant offers a challenge")
	}
}
