package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// TestPrefix: every prefix of a run is a valid unfinished trace that
// knows only the goroutines started in it, and the whole run's prefix is
// the run but its outcome.
func TestPrefix(t *testing.T) {
	tests := []struct {
		desc string
		prog func()
	}{
		{desc: "three workers started in a loop, Add before go", prog: goldenAddBefore},
		{desc: "Add inside the goroutine: killed at exit", prog: goldenAddInside},
		{desc: "wg.Go", prog: goldenWgGo},
	}
	for _, tt := range tests {
		tr := sim.Run(tt.prog, sim.Options{Program: "main.go"})
		for n := 0; n <= len(tr.Events); n++ {
			p := tr.Prefix(n)
			if err := trace.Validate(p); err != nil {
				t.Fatalf("%s: prefix %d: %v", tt.desc, n, err)
			}
			started := 1
			for _, e := range p.Events {
				if e.Kind == trace.KindGo {
					started++
				}
			}
			if got := len(p.Goroutines); got != started || p.Outcome.Exit != trace.ExitNone || len(p.Events) != n {
				t.Errorf("%s: prefix %d: %d goroutines (want %d), exit %v, %d events", tt.desc, n, got, started, p.Outcome.Exit, len(p.Events))
			}
		}
		if whole := tr.Prefix(len(tr.Events)); len(whole.Goroutines) != len(tr.Goroutines) || len(whole.Objects) != len(tr.Objects) {
			t.Errorf("%s: the whole run's prefix has %d goroutines and %d objects, the run %d and %d", tt.desc, len(whole.Goroutines), len(whole.Objects), len(tr.Goroutines), len(tr.Objects))
		}
	}
}
