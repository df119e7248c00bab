package sim_test

import (
	"testing"

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

// BenchmarkRun reports whole runs and events per second for a 3-worker and
// a 100-worker WaitGroup program, under the runtime and random strategies.
func BenchmarkRun(b *testing.B) {
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

// BenchmarkExplore1000 explores 1,000 random schedules of the 3-worker
// program (the browser's "what can happen?" button).
func BenchmarkExplore1000(b *testing.B) {
	for b.Loop() {
		if _, err := sim.Explore(workers(3), sim.ExploreOptions{Runs: 1000}); err != nil {
			b.Fatal(err)
		}
	}
}
