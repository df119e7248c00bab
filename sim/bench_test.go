package sim_test

import (
	gosync "sync"
	"testing"
	"time"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
)

func workers(n int) func() {
	return func() {
		var wg sync.WaitGroup
		for i := 1; i <= n; i++ {
			wg.Add(1)
			sim.Go("worker", func() {
				defer wg.Done()
				sim.Step(10)
				fmt.Println("worker", i)
			})
		}
		wg.Wait()
	}
}

// twinWorkers is workers(n) as the rewriter emits it from
//
//	var wg sync.WaitGroup            // 8
//	for i := 1; i <= n; i++ {        // 9
//		wg.Add(1)                    // 10
//		go func() {                  // 11
//			defer wg.Done()          // 12
//			fmt.Println("worker", i) // 13
//		}()
//	}
//	wg.Wait()                        // 16
//
// with sim.StepAt line hints (minus the //line directives).
func twinWorkers(n int) func() {
	return func() {
		sim.StepAt(8)
		var wg sync.WaitGroup
		sim.Step(9)
		for i := 1; i <= n; i++ {
			sim.StepAt(10)
			wg.Add(1)
			sim.StepAt(11)
			sim.Go("func1", func() {
				sim.Step(12)
				defer wg.Done()
				defer sim.DeferLine(12)
				sim.StepAt(13)
				fmt.Println("worker", i)
				sim.Unmark()
			})
			sim.Unmark()
		}
		sim.StepAt(16)
		wg.Wait()
		sim.Unmark()
	}
}

// warmUp runs the benchmarks' programs untimed for a second, once per
// process. In wasm, V8 first runs Go's code with its baseline compiler and
// swaps in optimised code, compiled in the background, over the first
// second or so (longer on a busy machine): runs then take two to ten times
// longer, with stalls of 10–100 ms, and the first measurement of a
// benchmark would report that warm-up rather than the simulator's steady
// speed.
var warmUp = gosync.OnceFunc(func() {
	for i, start := 0, time.Now(); time.Since(start) < time.Second; i++ {
		sim.Run(workers(3), sim.Options{Seed: int64(i)})
		sim.Run(workers(3), sim.Options{Strategy: sim.Random(), Seed: int64(i)})
		sim.Run(twinWorkers(3), sim.Options{Strategy: sim.Random(), Seed: int64(i)})
		if i%20 == 0 {
			sim.Run(workers(100), sim.Options{Strategy: sim.Random(), Seed: int64(i)})
		}
	}
})

// BenchmarkRun reports whole runs and events per second for a 3-worker and
// a 100-worker WaitGroup program, under the runtime and random strategies.
func BenchmarkRun(b *testing.B) {
	warmUp()
	for _, bc := range []struct {
		name     string
		prog     func()
		strategy func() sim.Strategy
	}{
		{"3workers/runtime", workers(3), sim.Runtime},
		{"3workers/random", workers(3), sim.Random},
		{"100workers/runtime", workers(100), sim.Runtime},
		{"100workers/random", workers(100), sim.Random},
	} {
		b.Run(bc.name, func(b *testing.B) {
			events := 0
			for i := 0; b.Loop(); i++ {
				tr := sim.Run(bc.prog, sim.Options{Strategy: bc.strategy(), Seed: int64(i)})
				events += len(tr.Events)
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "runs/s")
		})
	}
}

// BenchmarkTwin is BenchmarkRun for the program as the rewriter emits it,
// with its line hints (hints) and without (walk: Options.WalkLines, every
// operation's line found on the stack, as before the hints).
func BenchmarkTwin(b *testing.B) {
	warmUp()
	for _, bc := range []struct {
		name     string
		n        int
		strategy func() sim.Strategy
	}{
		{"3workers/runtime", 3, sim.Runtime},
		{"3workers/random", 3, sim.Random},
		{"100workers/runtime", 100, sim.Runtime},
		{"100workers/random", 100, sim.Random},
	} {
		for _, walk := range []bool{false, true} {
			name := bc.name + "/hints"
			if walk {
				name = bc.name + "/walk"
			}
			prog := twinWorkers(bc.n)
			b.Run(name, func(b *testing.B) {
				events := 0
				for i := 0; b.Loop(); i++ {
					tr := sim.Run(prog, sim.Options{Strategy: bc.strategy(), Seed: int64(i), WalkLines: walk})
					events += len(tr.Events)
				}
				b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}

// BenchmarkExplore1000 explores 1,000 random schedules of the 3-worker
// program (the browser's "what can happen?" button).
func BenchmarkExplore1000(b *testing.B) {
	warmUp()
	for b.Loop() {
		if _, err := sim.Explore(workers(3), sim.ExploreOptions{Runs: 1000}); err != nil {
			b.Fatal(err)
		}
	}
}
