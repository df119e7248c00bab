package course

import (
	"strings"

	"lanes/internal/ptrsort"
	"lanes/sim"
)

// RuntimeLabel is how the explorer names the runtime strategy's outcome.
const RuntimeLabel = "Go on one CPU, timers on time"

// SeenRealLabel is how the explorer marks an outcome real Go was seen to
// produce.
const SeenRealLabel = "seen on real Go"

// SeenRealTitle says what the mark can and cannot tell: real Go shows only
// what a program printed and how it exited.
const SeenRealTitle = "Real Go printed this output and ended this way. A real run cannot show which goroutines were killed at exit or whether its timers fired late."

// SlipLabel marks an outcome found only in schedules where time slipped,
// and SlipTitle says what that means.
const (
	SlipLabel = sim.SlipLabel
	SlipTitle = "Found only in schedules where time slipped: a sleep lasted longer than asked, as on a slow or busy machine."
)

// SlipHead heads the n endings found only when time slipped, which the
// explorer lists after the others.
func SlipHead(n int) string {
	return "Only if timers fire late (a sleep lasted longer than asked, as on a slow or busy machine): " + sim.Count(n, "more ending")
}

// runtimeFirst puts the runtime strategy's outcome first and the
// outcomes found only when time slipped last (sim.ListRank), keeping the
// order of the others (most often found first).
func runtimeFirst(outs []ExploreOutcome) {
	ptrsort.SortStable(outs, func(a, b *ExploreOutcome) int {
		return sim.ListRank(a.Runtime, a.Slip) - sim.ListRank(b.Runtime, b.Slip)
	})
}

// MarkReal sets SeenReal on each outcome that real Go was seen to produce
// in any of the batches (any GOMAXPROCS, idle or loaded): the same
// standard output, the same exit kind and the same first line of stderr.
// An outcome whose output was cut short is never marked, and neither is
// one found only when time slipped if an outcome with timers on time
// prints the same: real Go's run is explained without late timers, and a
// mark beside "only if timers fire late" would say its timers were late.
func MarkReal(outs []ExploreOutcome, real []Batch) {
	for i := range outs {
		outs[i].SeenReal = !outs[i].cut && seenReal(outs[i], real) && !(outs[i].Slip && printedOnTime(outs, outs[i]))
	}
}

// printedOnTime reports whether an outcome found with timers on time
// prints what o prints and ends as o ends.
func printedOnTime(outs []ExploreOutcome, o ExploreOutcome) bool {
	for _, p := range outs {
		if !p.Slip && !p.cut && p.Output == o.Output && p.Exit == o.Exit && p.Stderr == o.Stderr {
			return true
		}
	}
	return false
}

func seenReal(o ExploreOutcome, real []Batch) bool {
	for _, bt := range real {
		for _, r := range bt.Outcomes {
			stderr, _, _ := strings.Cut(r.Stderr, "\n")
			if r.Count > 0 && r.Stdout == o.Output && r.Kind == o.Exit && stderr == o.Stderr {
				return true
			}
		}
	}
	return false
}
