package sim

import (
	"fmt"
	"slices"

	"lanes/internal/ptrsort"
	"lanes/sim/trace"
)

// RaceCount is one data race the explorer found: on which variable, at
// which lines, in how many of the schedules it ran, and one of them.
type RaceCount struct {
	Var    string   `json:"var"`
	Lines  [2]int32 `json:"lines"` // the two accesses' lines, smaller first
	Count  int      `json:"count"` // schedules in which it happened
	Seed   int64    `json:"seed"`  // the first such schedule
	Report string   `json:"report"`
}

// String says it as the explorer does: "data race on `counter` (lines 14
// and 14) in 1,000 of 1,000 schedules".
func (rc RaceCount) String(runs int) string {
	return fmt.Sprintf("data race on `%s` (lines %d and %d) in %s of %s schedules",
		rc.Var, rc.Lines[0], rc.Lines[1], Thousands(rc.Count), Thousands(runs))
}

// countRaces adds the races of one explored run to the report.
// A run counts once for a variable and pair of lines, however many of its
// races (a read and a write, two writes) they were.
func (rep *Report) countRaces(tr *trace.Trace, seed int64) {
	var counted []int
	for _, rc := range tr.Outcome.Races {
		lines := [2]int32{min(rc.Line, rc.PrevLine), max(rc.Line, rc.PrevLine)}
		i := slices.IndexFunc(rep.Races, func(c RaceCount) bool { return c.Var == rc.Var && c.Lines == lines })
		if i < 0 {
			rep.Races = append(rep.Races, RaceCount{Var: rc.Var, Lines: lines, Seed: seed, Report: RaceReport(tr, rc, false)})
			i = len(rep.Races) - 1
		}
		if !slices.Contains(counted, i) {
			counted = append(counted, i)
			rep.Races[i].Count++
		}
	}
}

// sortRaces puts the most frequent races first.
func (rep *Report) sortRaces() {
	ptrsort.SortStable(rep.Races, func(a, b *RaceCount) int { return b.Count - a.Count })
}
