package sim

import (
	"strconv"
	"strings"
)

// Summary says in one line what the exploration covered, in words that
// claim no more than was searched: "every schedule" only when the whole
// space was, otherwise the bound ("every schedule with at most 2
// preemptions: 4,213 runs, 6 outcomes") or where it stopped ("stopped at
// the limit of 1,000 runs; not complete"). Random and PCT say how many
// schedules were tried; no count is a likelihood.
func (r *Report) Summary() string {
	runs := Count(r.Runs, "run") + ", " + Count(len(r.Outcomes), "outcome")
	if r.Strategy != "exhaustive" {
		return Count(r.Runs, r.Strategy+" schedule") + " (the first one the runtime strategy's), " +
			Count(len(r.Outcomes), "outcome")
	}
	switch {
	case r.Complete:
		return "every schedule: " + runs
	case r.BoundComplete():
		return "every schedule " + withAtMost(r.Bound) + ": " + runs
	}
	s := "stopped after " + Count(r.Runs, "run") + "; not complete"
	if r.Limited && r.Limit > 0 && r.Runs >= r.Limit {
		s = "stopped at the limit of " + Count(r.Limit, "run") + "; not complete"
	}
	if r.Covered >= 0 {
		s += " (every schedule " + withAtMost(r.Covered) + " was run)"
	}
	return s + ": " + Count(len(r.Outcomes), "outcome")
}

// withAtMost names the schedules within a preemption bound: "with at most
// 2 preemptions", or "without a preemption".
func withAtMost(bound int) string {
	if bound == 0 {
		return "without a preemption"
	}
	return "with at most " + Count(bound, "preemption")
}

// Found says in how many of the report's schedules o was found: "found in
// 12 of 2,000 schedules".
func (r *Report) Found(o Outcome) string {
	return "found in " + Thousands(o.Count) + " of " + Count(r.Runs, "schedule")
}

// Count writes n and the noun, plural unless n is 1: "4,213 runs".
func Count(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return Thousands(n) + " " + noun
}

// Thousands writes n with commas between groups of three digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// SlipLabel marks an outcome found only in schedules where time slipped
// (Outcome.Slipped is its Count): the web's explorer and lanes explore
// say it in these words.
const SlipLabel = "only if timers fire late"

// ListRank is where an outcome goes in a list for people (the web's
// explorer and lanes explore): the runtime strategy's first (0), those
// found only when time slipped last (2), the others between (1). A
// search that may let time slip wherever a timer is pending finds many
// slipped endings, each once or twice; listed apart, they do not bury
// what happens while timers fire on time.
func ListRank(runtime, slipOnly bool) int {
	switch {
	case runtime:
		return 0
	case slipOnly:
		return 2
	}
	return 1
}
