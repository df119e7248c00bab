package course

import (
	"strings"

	"lanes/internal/ptrsort"
)

// RuntimeLabel is how the explorer names the runtime strategy's outcome.
const RuntimeLabel = "what one CPU usually does"

// SeenRealLabel is how the explorer marks an outcome real Go was seen to
// produce.
const SeenRealLabel = "seen on real Go"

// SlipLabel marks an outcome found only in schedules where time slipped,
// and SlipTitle says what that means.
const (
	SlipLabel = "only if timers fire late"
	SlipTitle = "Found only in schedules where time slipped: a sleep lasted longer than asked, as on a slow or busy machine."
)

// runtimeFirst puts the runtime strategy's outcome first, keeping the
// others in their order (most often found first).
func runtimeFirst(outs []ExploreOutcome) {
	ptrsort.SortStable(outs, func(a, b *ExploreOutcome) int {
		switch {
		case a.Runtime == b.Runtime:
			return 0
		case a.Runtime:
			return -1
		}
		return 1
	})
}

// MarkReal sets SeenReal on each outcome that real Go was seen to produce
// in any of the batches (any GOMAXPROCS, idle or loaded): the same
// standard output, the same exit kind and the same first line of stderr.
// An outcome whose output was cut short is never marked.
func MarkReal(outs []ExploreOutcome, real []Batch) {
	for i := range outs {
		outs[i].SeenReal = !outs[i].cut && seenReal(outs[i], real)
	}
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
