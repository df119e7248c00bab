package course

import (
	"fmt"

	"lanes/sim"
)

// ExploreModes are the modes the explorer offers; the first is the default:
// "auto" searches every schedule with at most sim.DefaultBound
// preemptions (the preemption-bounded exhaustive search of lanes explore
// -strategy exhaustive), up to ExhaustiveLimit runs; "random" and "pct"
// run that strategy.
var ExploreModes = []string{"auto", "random", "pct"}

// ExploreRequest says how to explore.
type ExploreRequest struct {
	Mode string // one of ExploreModes
	Runs int    // schedules to run (random, pct; auto runs at most ExhaustiveLimit)
	Seed int64  // the first seed: run i uses Seed+i
}

// ExhaustiveLimit is how many schedules "auto" runs at most; the search
// says so when it stops there before covering its bound ("stopped at the
// limit of 20,000 runs; not complete").
const ExhaustiveLimit = 20000

// AutoLabel says in a few words what mode "auto" searches (the mode
// menu's label: short enough for a phone).
var AutoLabel = "exhaustive (≤ " + sim.Count(sim.DefaultBound, "preemption") + ")"

// ExploreResult is what Explore found.
type ExploreResult struct {
	Strategy string // what ran: "exhaustive", "random" or "pct"
	Runs     int    // schedules run
	Complete bool   // exhaustive: every schedule within the bound was run (Summary says which bound)
	Stopped  bool   // stopped before Runs
	// Summary says in one line what the search covered and whether it is
	// complete or stopped (sim.Report's Summary, the words of lanes
	// explore): "every schedule with at most 2 preemptions: 2,853 runs,
	// 10 outcomes". No count in it is a likelihood.
	Summary string
	// Outcomes: the runtime strategy's first, then the most often found.
	Outcomes []ExploreOutcome
	// Races are the data races the schedules ran into, each once, in the
	// words of lanes explore: "data race on `n` (lines 12 and 14) in 31
	// of 100 schedules" (sim.RaceCount.String).
	Races []string
}

// ExploreOutcome is one way the program ended, with how many schedules
// ended that way and one that can be replayed.
type ExploreOutcome struct {
	Output string   // stdout
	Exit   string   // exit kind: "ok", "panic", "deadlock", "exit"…
	Stderr string   // first line of stderr
	Killed []string // goroutines killed at exit: "name (line N)"
	Leaked []string // goroutines leaked: "name (line N): reason"
	Count  int
	// Found says in how many schedules it was found: "found in 12 of
	// 1,000 schedules" (sim.Report's Found).
	Found string
	// Runtime marks the runtime strategy's outcome: what Go does on one
	// CPU, timers on time (the first schedule of every exploration).
	Runtime bool
	// SeenReal: real Go was seen to produce it (the variant's real runs,
	// any GOMAXPROCS, idle or loaded; see MarkReal).
	SeenReal bool
	// Slip: found only in schedules where time slipped (a sleep lasted
	// longer than asked, as on a slow or busy machine: sim.Outcome's
	// Slipped is its Count).
	Slip bool
	// How to replay one schedule that ends this way: a Strategy and Seed
	// (random, pct), or Replay choices (exhaustive; "" when they cannot be
	// encoded, see EncodeChoices).
	Strategy string
	Seed     int64
	Replay   string

	cut bool // Output is only the first sim.SampleLimit bytes
}

// Explore answers "What can happen?" for a program: it runs schedules and
// groups them by outcome (output, exit, stderr's first line, goroutines
// killed or leaked), most frequent first.
//
// Mode "auto" runs the preemption-bounded exhaustive search (sim.Explore's
// "exhaustive" with its default bound), at most ExhaustiveLimit runs, and
// each outcome carries the recorded choices that replay it; its Summary
// has the words of lanes explore: "every schedule with at most 2
// preemptions: 2,853 runs, 10 outcomes", or where it stopped. "random" and
// "pct" run req.Runs schedules with seeds req.Seed, req.Seed+1, …, each
// with a fresh strategy's run depending on its seed alone, exactly as a
// lesson page runs strategy=…&seed=…, so every outcome's Seed reproduces it
// on the page.
//
// progress is called after every run (done, total); returning false stops
// early (Stopped). Explore itself never sleeps or yields: the caller does,
// in progress.
func Explore(prog func(), req ExploreRequest, progress func(done, total int) bool) (ExploreResult, error) {
	if req.Runs <= 0 {
		req.Runs = 1000
	}
	if progress == nil {
		progress = func(int, int) bool { return true }
	}
	strategy, before := req.Mode, ""
	switch req.Mode {
	case "", "auto":
		return exhaustive(prog, progress)
	case "random", "pct":
	default:
		return ExploreResult{}, fmt.Errorf("unknown mode %q (want %s)", req.Mode, orList(ExploreModes))
	}
	stopped := false
	rep, err := sim.Explore(prog, sim.ExploreOptions{Runs: req.Runs, Strategy: strategy, Seed: req.Seed, Chunk: 1,
		Progress: stopper(progress, &stopped)})
	if err != nil {
		return ExploreResult{Strategy: strategy}, err
	}
	if !stopped {
		progress(rep.Runs, req.Runs)
	}
	res := result(rep, strategy, false)
	res.Stopped = stopped && rep.Runs < req.Runs
	if res.Stopped {
		before += "stopped after " + sim.Thousands(rep.Runs) + " of " + sim.Count(req.Runs, "schedule") + ": "
	}
	res.Summary = before + res.Summary
	return res, nil
}

// stopper passes sim.Explore's progress on, except its final report (done
// == total, also sent after a stop), and remembers a stop.
func stopper(progress func(done, total int) bool, stopped *bool) func(done, total int) bool {
	return func(done, total int) bool {
		if *stopped {
			return false
		}
		if done == total {
			return true
		}
		*stopped = !progress(done, total)
		return !*stopped
	}
}

// result turns sim.Explore's report into the page's; withReplay gives each
// outcome the recorded choices that replay it.
func result(rep *sim.Report, strategy string, withReplay bool) ExploreResult {
	res := ExploreResult{Strategy: strategy, Runs: rep.Runs, Complete: rep.Complete, Summary: rep.Summary()}
	for _, rc := range rep.Races {
		res.Races = append(res.Races, rc.String(rep.Runs))
	}
	for _, o := range rep.Outcomes {
		eo := ExploreOutcome{
			Output: o.Output, Exit: o.Exit.String(), Stderr: o.Stderr, Killed: o.Killed, Leaked: o.Leaked,
			Strategy: strategy, Seed: o.Seed, Count: o.Count, Found: rep.Found(o), Runtime: o.Runtime,
		}
		eo.cut, eo.Slip = o.OutputBytes > len(o.Output), o.Count > 0 && o.Slipped == o.Count
		if withReplay || o.Runtime { // the runtime schedule replays from its choices
			eo.Replay, _ = EncodeChoices(o.Choices)
			eo.Seed = 0
		}
		res.Outcomes = append(res.Outcomes, eo)
	}
	runtimeFirst(res.Outcomes)
	return res
}

// exhaustive is the preemption-bounded search of mode "auto".
func exhaustive(prog func(), progress func(done, total int) bool) (ExploreResult, error) {
	stopped := false
	rep, err := sim.Explore(prog, sim.ExploreOptions{Strategy: "exhaustive", Runs: ExhaustiveLimit, Chunk: 1,
		Progress: stopper(progress, &stopped)})
	if err != nil {
		return ExploreResult{Strategy: "exhaustive"}, err
	}
	if !stopped {
		progress(rep.Runs, rep.Runs)
	}
	res := result(rep, "exhaustive", true)
	res.Complete = rep.BoundComplete()
	res.Stopped = stopped && !res.Complete
	return res, nil
}

// Explore runs Explore on a variant of a lesson (a slider twin's name
// works too).
func (c *Course) Explore(slug, variant string, req ExploreRequest, progress func(done, total int) bool) (ExploreResult, error) {
	_, v, err := c.find(slug, variant)
	if err != nil {
		return ExploreResult{}, err
	}
	res, err := Explore(v.Main, req, progress)
	MarkReal(res.Outcomes, v.Real)
	return res, err
}
