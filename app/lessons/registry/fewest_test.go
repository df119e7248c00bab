package registry_test

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/sim"
)

// fewestPreemptions is the fewest preemptions any schedule needs to meet
// goal on prog, by the bounded exhaustive search: bound 1, then 2 when
// bound 1 finds none. The search runs every schedule with no preemption,
// then every one with exactly 1, …, so the first schedule of each outcome
// has the fewest preemptions of any schedule ending that way: the least
// of those over the outcomes that meet the goal is the answer. It
// returns the bound searched, and ok false when no schedule within
// sim.DefaultBound meets the goal (or the search did not complete).
// picks is the fewest picks of the winning schedules the search saw.
func fewestPreemptions(t *testing.T, key string, v *course.Variant, g course.Goal) (fewest, picks, bound, runs int, ok bool) {
	t.Helper()
	for bound = 1; bound <= sim.DefaultBound; bound++ {
		rep, err := sim.Explore(v.Main, sim.ExploreOptions{Strategy: "exhaustive", Bound: bound, Runs: 1_000_000})
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if !rep.BoundComplete() {
			t.Errorf("%s: the search did not complete bound %d: %+v", key, bound, rep)
			return 0, 0, bound, rep.Runs, false
		}
		fewest = -1
		for _, o := range rep.Outcomes {
			if !g.Met(course.EndOfOutcome(o)) {
				continue
			}
			s := sim.RunScheduled(v.Main, sim.Options{Program: "main.go", NoStatements: true}, o.Choices, nil)
			if s.Pause != nil || !g.Met(course.EndOf(s.Trace)) {
				t.Errorf("%s: an outcome's schedule %v does not win as the game", key, o.Choices)
				continue
			}
			if fewest < 0 || s.Preemptions < fewest {
				fewest = s.Preemptions
			}
			if n := gamePicks(v, o.Choices); picks == 0 || n < picks {
				picks = n
			}
		}
		if fewest >= 0 {
			return fewest, picks, bound, rep.Runs, true
		}
	}
	return 0, 0, sim.DefaultBound, 0, false
}

// gamePicks is how many picks the game (course.Play's options) asks of a
// reader who plays the schedule choices.
func gamePicks(v *course.Variant, choices []int) int {
	return len(sim.RunScheduled(v.Main, sim.Options{Program: v.File}, choices, nil).Decisions)
}

// TestChallengesFewest: the win screen's "fewest possible" is true: the
// bounded search finds a winning schedule with as many preemptions as the
// front matter's fewest says, and none with fewer (it ran every one); its
// "fewest known" picks are the fewest of the winning schedules known (the
// lesson's solution, the search's).
func TestChallengesFewest(t *testing.T) {
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			c := v.Challenge
			if c == nil || c.Fixed() {
				continue
			}
			key := l.Slug + "/" + v.Name
			g, err := c.ParsedGoal()
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			fewest, picks, bound, runs, ok := fewestPreemptions(t, key, &v, g)
			if !ok {
				t.Errorf("%s: no schedule with up to %d preemptions wins: the win screen cannot say the fewest (give the lesson a solution within the bound)", key, sim.DefaultBound)
				continue
			}
			if fewest != c.Fewest {
				t.Errorf("%s: the search (bound %d, %d schedules) finds %d preemptions the fewest that win, front matter says %d: set fewest: %d in %s's lesson.md (and run go generate ./app/lessons/registry)",
					key, bound, runs, fewest, c.Fewest, fewest, l.Slug)
			}
			if choices, err := course.DecodeChoices(c.Solution); err == nil {
				s := sim.RunScheduled(v.Main, sim.Options{Program: v.File}, choices, nil)
				if s.Pause == nil && g.Met(course.EndOf(s.Trace)) && len(s.Decisions) < picks {
					picks = len(s.Decisions)
				}
			}
			if picks != c.FewestPicks {
				t.Errorf("%s: the winning schedules known (the solution, the search's) take %d picks at fewest, front matter says %d: set fewest-picks: %d in %s's lesson.md (and run go generate ./app/lessons/registry)",
					key, picks, c.FewestPicks, picks, l.Slug)
			}
		}
	}
}
