package course

import (
	"fmt"

	"lanes/app"
	"lanes/sim"
)

// Explore answers "What can happen?" for a program: it runs schedules and
// groups them by outcome (output, exit, stderr's first line, goroutines
// killed or leaked), most frequent first.
//
// Mode "auto" first enumerates schedules depth-first (sim.Explore's
// "exhaustive") up to app.ExhaustiveBound runs; when that covers every
// schedule the result is Complete and each outcome carries the recorded
// choices that replay it. Otherwise, and for "random" and "pct", it runs
// req.Runs schedules with seeds req.Seed, req.Seed+1, …, each with a fresh
// strategy's run depending on its seed alone, exactly as a lesson page runs
// strategy=…&seed=…, so every outcome's Seed reproduces it on the page.
//
// progress is called after every run (done, total); returning false stops
// early (Stopped). Explore itself never sleeps or yields: the caller does,
// in progress.
func Explore(prog func(), req app.ExploreRequest, progress func(done, total int) bool) (app.ExploreResult, error) {
	if req.Runs <= 0 {
		req.Runs = 1000
	}
	if progress == nil {
		progress = func(int, int) bool { return true }
	}
	strategy := req.Mode
	switch req.Mode {
	case "", "auto":
		res, ok, err := exhaustive(prog, progress)
		if err != nil || ok || res.Stopped {
			return res, err
		}
		strategy = "random"
	case "random", "pct":
	default:
		return app.ExploreResult{}, fmt.Errorf("unknown mode %q (want one of %v)", req.Mode, app.ExploreModes)
	}
	stopped := false
	rep, err := sim.Explore(prog, sim.ExploreOptions{Runs: req.Runs, Strategy: strategy, Seed: req.Seed, Chunk: 1,
		Progress: stopper(progress, &stopped)})
	if err != nil {
		return app.ExploreResult{Strategy: strategy}, err
	}
	if !stopped {
		progress(rep.Runs, req.Runs)
	}
	res := result(rep, strategy, false)
	res.Stopped = stopped && rep.Runs < req.Runs
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
func result(rep *sim.Report, strategy string, withReplay bool) app.ExploreResult {
	res := app.ExploreResult{Strategy: strategy, Runs: rep.Runs, Complete: rep.Complete}
	for _, o := range rep.Outcomes {
		eo := app.ExploreOutcome{
			Output: o.Output, Exit: o.Exit.String(), Stderr: o.Stderr, Killed: o.Killed, Leaked: o.Leaked,
			Strategy: strategy, Seed: o.Seed, Count: o.Count,
		}
		if withReplay {
			eo.Replay, _ = app.EncodeChoices(o.Choices)
			eo.Seed = 0
		}
		res.Outcomes = append(res.Outcomes, eo)
	}
	return res
}

// exhaustive tries to enumerate every schedule; ok reports it did.
func exhaustive(prog func(), progress func(done, total int) bool) (res app.ExploreResult, ok bool, err error) {
	stopped := false
	rep, err := sim.Explore(prog, sim.ExploreOptions{Strategy: "exhaustive", Runs: app.ExhaustiveBound, Chunk: 1,
		Progress: stopper(progress, &stopped)})
	if err != nil || !rep.Complete {
		return app.ExploreResult{Stopped: stopped}, false, err
	}
	progress(rep.Runs, rep.Runs)
	return result(rep, "exhaustive", true), true, nil
}

// Explore implements app.Explorer.
func (c *Catalog) Explore(slug, variant string, req app.ExploreRequest, progress func(done, total int) bool) (app.ExploreResult, error) {
	v, err := find(slug, variant)
	if err != nil {
		return app.ExploreResult{}, err
	}
	return Explore(v.Main, req, progress)
}

// Replay implements app.Explorer: it runs recorded choices and draws them.
func (c *Catalog) Replay(slug, variant string, choices []int) (app.Run, error) {
	v, err := find(slug, variant)
	if err != nil {
		return app.Run{}, err
	}
	tr := sim.Run(v.Main, sim.Options{Program: v.File, Strategy: sim.Replay(choices)})
	return Draw(tr, inFlight(slug)), nil
}
