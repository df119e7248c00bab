package sim_test

import (
	"testing"

	"lanes/sim"
)

// BenchmarkWorld measures what the wider world costs an exploring
// strategy: random schedules of the 3- and 100-worker twins and of the
// instrumented 100-goroutine racy counter, in the narrow world (switches
// only at operations, no time slips, as before issue 13: Options.Narrow)
// and in the wide one (a possible switch at every statement, time slips;
// the race detector on in both). With BenchmarkShared (shared-memory steps
// and the detector, on and off) it is the cost of instrumentation; `make
// bench` runs both natively and in WebAssembly.
func BenchmarkWorld(b *testing.B) {
	warmUp()
	for _, bc := range []struct {
		name string
		prog func()
	}{
		{"3workers", twinWorkers(3)},
		{"100workers", twinWorkers(100)},
		{"counter100", twinCounter(100, true)},
	} {
		for _, narrow := range []bool{true, false} {
			world := "wide"
			if narrow {
				world = "narrow"
			}
			b.Run(bc.name+"/"+world, func(b *testing.B) {
				events := 0
				for i := 0; b.Loop(); i++ {
					tr := sim.Run(bc.prog, sim.Options{Strategy: sim.Random(), Seed: int64(i), Narrow: narrow})
					events += len(tr.Events)
				}
				b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}
