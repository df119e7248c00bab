package course

import (
	"fmt"

	"lanes/sim"
)

// Challenge is a challenge of the scheduler game ("you are the
// scheduler"): the reader picks which goroutine runs next until the run
// ends in a way that meets the goal. A buggy variant has its own; a fixed
// variant offers the same one (Of names the variant it comes from), which
// no schedule within the explorer's bound can win: Searched is how many
// schedules the bounded exhaustive search runs to show it (a test checks
// the figure and the claim).
type Challenge struct {
	Task     string   // what to do, plain text
	Goal     string   // the goal (ParseGoal)
	Hints    []string // plain text
	Solution string   // a winning schedule (EncodeChoices), on a variant with its own
	Of       string   // the variant whose challenge a fixed variant offers; "" for its own
	Contrast bool     // with Of: this variant is compared with Of's, not a fix of it (the words say so)
	Searched int      // schedules the bounded search runs, on a fixed variant
	// Fewest is the fewest preemptions any schedule needs to win (of the
	// variant's own challenge), found by the bounded exhaustive search,
	// which runs every schedule with fewer (a test checks the figure);
	// negative when no search was run (a custom goal).
	Fewest int
	// FewestPicks is the fewest picks (the reader's decisions) of the
	// winning schedules known: the recorded solution's and the bounded
	// search's (a test checks the figure); 0 when none is known. Fewer
	// may win: the win screen says "fewest known".
	FewestPicks int
}

// Fixed reports whether the challenge is offered on a fixed variant, where
// no schedule within the bound wins.
func (c *Challenge) Fixed() bool { return c.Of != "" }

// ParsedGoal is the challenge's goal; the registry's goals are checked by
// a test, so an error here is a lesson's bug.
func (c *Challenge) ParsedGoal() (Goal, error) { return ParseGoal(c.Goal) }

// Impossible is what a fixed variant's challenge says when the reader gives
// up: "searched 4,213 schedules with up to 2 preemptions: impossible".
func (c *Challenge) Impossible() string {
	return fmt.Sprintf("searched %s schedules with up to %d preemptions: impossible", sim.Thousands(c.Searched), sim.DefaultBound)
}

// FewestText is what the win screen says of the fewest preemptions
// possible: "fewest possible: 2 preemptions (every schedule with at most 1
// was searched)"; "" when no search was run (Fewest < 0).
func (c *Challenge) FewestText() string {
	switch {
	case c.Fewest < 0:
		return ""
	case c.Fewest == 0:
		return "fewest possible: 0 preemptions"
	case c.Fewest == 1:
		return "fewest possible: 1 preemption (every schedule without one was searched)"
	}
	return fmt.Sprintf("fewest possible: %d preemptions (every schedule with at most %d was searched)", c.Fewest, c.Fewest-1)
}

// FewestPicksText is what the win screen says of the fewest picks known:
// "fewest known: 7 picks"; "" when none is known (FewestPicks 0).
func (c *Challenge) FewestPicksText() string {
	switch {
	case c.FewestPicks <= 0:
		return ""
	case c.FewestPicks == 1:
		return "fewest known: 1 pick"
	}
	return fmt.Sprintf("fewest known: %d picks", c.FewestPicks)
}
