package course

import (
	"fmt"
	json "lanes/minjson"

	"lanes/sim"
)

// ProgramExplore is how the playground asks a program module
// (internal/progwasm's ExploreRequest, in JSON) for what Explore does in
// the page: mode "auto" is the bounded exhaustive search, at most
// ExhaustiveLimit runs; "random" and "pct" run req.Runs schedules from
// seed req.Seed. chunk is how many runs pass between progress reports.
func ProgramExplore(req ExploreRequest, chunk int) (map[string]any, error) {
	m := map[string]any{"chunk": chunk}
	switch req.Mode {
	case "", "auto":
		m["strategy"], m["runs"] = "exhaustive", ExhaustiveLimit
	case "random", "pct":
		if req.Runs <= 0 {
			req.Runs = 1000
		}
		seed := req.Seed
		if seed == 0 {
			seed = 1
		}
		m["strategy"], m["runs"], m["seed"] = req.Mode, req.Runs, seed
	default:
		return nil, fmt.Errorf("unknown mode %q (want %s)", req.Mode, orList(ExploreModes))
	}
	return m, nil
}

// ExploreReport reads a program module's exploration (sim.Report's JSON)
// as Explore's result for the same request: the same words ("every
// schedule with at most 2 preemptions: N runs, K outcomes", "found in N
// of M schedules"), runtime's outcome first, and each outcome replayable
// (recorded choices for "auto", a seed for random and pct). stopped says
// the reader stopped it (the report then holds the runs done).
func ExploreReport(data []byte, req ExploreRequest, stopped bool) (ExploreResult, error) {
	var rep sim.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		return ExploreResult{}, fmt.Errorf("the exploration's report could not be read: %v", err)
	}
	switch req.Mode {
	case "", "auto":
		res := result(&rep, "exhaustive", true)
		res.Complete = rep.BoundComplete()
		res.Stopped = stopped && !res.Complete
		return res, nil
	case "random", "pct":
		res := result(&rep, req.Mode, false)
		runs := req.Runs
		if runs <= 0 {
			runs = 1000
		}
		res.Stopped = stopped && rep.Runs < runs
		if res.Stopped {
			res.Summary = "stopped after " + sim.Thousands(rep.Runs) + " of " + sim.Count(runs, "schedule") + ": " + res.Summary
		}
		return res, nil
	}
	return ExploreResult{}, fmt.Errorf("unknown mode %q (want %s)", req.Mode, orList(ExploreModes))
}
