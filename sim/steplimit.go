package sim

import (
	"strconv"
	"strings"

	"lanes/sim/trace"
)

// A run stopped at its step limit says so in one wording everywhere: its
// stderr line (the console's last), its exit event (the timeline's "program
// exits: …") and, through StepLimitOf, the words a page says beside it
// (course.OutcomeNote) all give the limit, Options.StepLimit, written with
// Thousands ("20,000"), never the number of events the run recorded (a few
// more: the events of the step that went over it, the exit).

// stepLimitWords is how a run stopped at limit ends, without "lanes: ".
func stepLimitWords(limit int) string { return "stopped after " + Thousands(limit) + " steps" }

// stepLimitPrefix starts the stderr line of a run stopped at its step
// limit; the limit and " steps" follow.
const stepLimitPrefix = "lanes: stopped after "

// stepLimitStderr is the stderr line of a run stopped at limit.
func stepLimitStderr(limit int) string { return "lanes: " + stepLimitWords(limit) + "\n" }

// StepLimitOf returns the step limit that stopped a run that ended as
// trace.ExitStepLimit, read from its stderr line; 0 when o did not end so
// or does not say (a trace from before the limit was written there).
func StepLimitOf(o trace.Outcome) int {
	if o.Exit != trace.ExitStepLimit {
		return 0
	}
	_, rest, ok := strings.Cut(o.Stderr, stepLimitPrefix)
	if !ok {
		return 0
	}
	num, _, ok := strings.Cut(rest, " steps")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(strings.ReplaceAll(num, ",", ""))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
