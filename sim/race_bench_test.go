package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
)

var benchCounter int

// twinCounter is the racy counter (n goroutines doing counter++ with a
// WaitGroup) as the rewriter emits it: with shared-memory steps
// (instrumented) or as before them (counter++ left alone).
func twinCounter(n int, instrumented bool) func() {
	return func() {
		sim.StepAt(9)
		benchCounter = 0
		var wg sync.WaitGroup
		for range n {
			sim.StepAt(12)
			wg.Add(1)
			sim.StepAt(13)
			sim.Go("func1", func() {
				sim.Step(14)
				defer wg.Done()
				defer sim.DeferLine(14)
				sim.StepAt(15)
				if instrumented {
					sim.Store(&benchCounter, sim.Load(&benchCounter, "counter")+1, "counter")
				} else {
					benchCounter++
				}
				sim.Unmark()
			})
			sim.Unmark()
		}
		sim.StepAt(18)
		wg.Wait()
		sim.StepAt(19)
		if instrumented {
			fmt.Println(sim.Load(&benchCounter, "counter"))
		} else {
			fmt.Println(benchCounter)
		}
		sim.Unmark()
	}
}

// BenchmarkShared measures what shared-memory steps and the race detector
// cost: the 100-goroutine racy counter before instrumentation (plain),
// with its steps but the detector off (steps), and as twins now run
// (steps+race).
func BenchmarkShared(b *testing.B) {
	warmUp()
	for _, strategy := range []struct {
		name string
		new  func() sim.Strategy
	}{{"runtime", sim.Runtime}, {"random", sim.Random}} {
		for _, mode := range []struct {
			name         string
			instrumented bool
			noRace       bool
		}{{"plain", false, true}, {"steps", true, true}, {"steps+race", true, false}} {
			prog := twinCounter(100, mode.instrumented)
			b.Run(strategy.name+"/"+mode.name, func(b *testing.B) {
				events := 0
				for i := 0; b.Loop(); i++ {
					tr := sim.Run(prog, sim.Options{Strategy: strategy.new(), Seed: int64(i), NoRace: mode.noRace})
					events += len(tr.Events)
				}
				b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}
