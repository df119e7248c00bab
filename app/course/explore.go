package course

import (
	"fmt"
	"strings"

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
// strategy exactly as a lesson page runs strategy=…&seed=…, so every
// outcome's Seed reproduces it on the page.
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
	res := app.ExploreResult{Strategy: strategy}
	index := map[string]int{}
	for i := 0; i < req.Runs; i++ {
		seed := req.Seed + int64(i)
		// One run per call: a fresh strategy each time (PCT learns across
		// the runs of one Explore call, a page's run does not).
		rep, err := sim.Explore(prog, sim.ExploreOptions{Runs: 1, Strategy: strategy, Seed: seed})
		if err != nil {
			return res, err
		}
		for _, o := range rep.Outcomes {
			add(&res, index, o, strategy, seed, "")
		}
		res.Runs++
		if !progress(i+1, req.Runs) {
			res.Stopped = i+1 < req.Runs
			break
		}
	}
	sortOutcomes(res.Outcomes)
	return res, nil
}

// exhaustive tries to enumerate every schedule; ok reports it did.
func exhaustive(prog func(), progress func(done, total int) bool) (res app.ExploreResult, ok bool, err error) {
	stopped := false
	rep, err := sim.Explore(prog, sim.ExploreOptions{Strategy: "exhaustive", Runs: app.ExhaustiveBound, Chunk: 1,
		Progress: func(done, total int) bool {
			if done == total {
				return true // the final report
			}
			if !progress(done, total) {
				stopped = true
			}
			return !stopped
		}})
	if err != nil || !rep.Complete {
		return app.ExploreResult{Stopped: stopped}, false, err
	}
	res = app.ExploreResult{Strategy: "exhaustive", Runs: rep.Runs, Complete: true}
	index := map[string]int{}
	for _, o := range rep.Outcomes {
		replay, _ := app.EncodeChoices(o.Choices)
		add(&res, index, o, "exhaustive", 0, replay)
		res.Outcomes[index[outcomeKey(o)]].Count = o.Count
	}
	progress(rep.Runs, rep.Runs)
	return res, true, nil
}

func outcomeKey(o sim.Outcome) string {
	return fmt.Sprintf("%v\x00%s\x00%s\x00%s\x00%s", o.Exit, o.Output, o.Stderr,
		strings.Join(o.Killed, "\x01"), strings.Join(o.Leaked, "\x01"))
}

// add counts one run (or, for exhaustive, records one outcome).
func add(res *app.ExploreResult, index map[string]int, o sim.Outcome, strategy string, seed int64, replay string) {
	k := outcomeKey(o)
	i, ok := index[k]
	if !ok {
		i = len(res.Outcomes)
		index[k] = i
		res.Outcomes = append(res.Outcomes, app.ExploreOutcome{
			Output: o.Output, Exit: o.Exit.String(), Stderr: o.Stderr, Killed: o.Killed, Leaked: o.Leaked,
			Strategy: strategy, Seed: seed, Replay: replay,
		})
	}
	res.Outcomes[i].Count++
}

// sortOutcomes puts the most frequent first, keeping first-seen order
// among equals.
func sortOutcomes(os []app.ExploreOutcome) {
	for i := 1; i < len(os); i++ {
		for j := i; j > 0 && os[j].Count > os[j-1].Count; j-- {
			os[j], os[j-1] = os[j-1], os[j]
		}
	}
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
