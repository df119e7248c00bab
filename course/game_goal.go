package course

import (
	"strconv"

	"lanes/sim"
)

// OutcomeChallenge is a custom goal of the scheduler game on a reader's
// own program (/play): reach one of the explorer's outcomes by hand. Its
// goal is the outcome's whole output, exactly, and its exit when a goal
// can name it (ok, deadlock, panic, fatal); ok is false when the outcome's
// output was cut short (the explorer kept only its first bytes), which no
// goal can name exactly.
func OutcomeChallenge(o sim.Outcome) (*Challenge, bool) {
	if o.OutputBytes > 0 {
		return nil, false
	}
	goal := "output " + strconv.Quote(o.Output)
	task := "Reach this outcome yourself: the program prints nothing"
	if o.Output != "" {
		task = "Reach this outcome yourself: the program prints " + QuoteShort(o.Output)
	}
	for w, k := range exitWords {
		if k == o.Exit {
			goal += "; exit " + w
			task += " and ends " + o.Exit.String()
		}
	}
	return &Challenge{Task: task + ".", Goal: goal}, true
}
