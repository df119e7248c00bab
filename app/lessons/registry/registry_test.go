package registry_test

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/sim"
	"lanes/sim/trace"
)

// TestEveryVariantRuns runs every variant once under the runtime strategy:
// the trace is valid, and when real Go at GOMAXPROCS=1 always printed the
// same thing, the simulator prints exactly that.
func TestEveryVariantRuns(t *testing.T) {
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			t.Run(l.Slug+"/"+v.Name, func(t *testing.T) {
				tr := sim.Run(v.Main, sim.Options{Program: v.File})
				if err := trace.Validate(tr); err != nil {
					t.Fatalf("Validate: %v", err)
				}
				for _, b := range v.Real {
					if b.GOMAXPROCS != 1 || len(b.Outcomes) != 1 {
						continue
					}
					if got, want := tr.Outcome.Output, b.Outcomes[0].Stdout; got != want {
						t.Errorf("runtime strategy printed %q, real Go (GOMAXPROCS=1, %d runs) always printed %q", got, b.Runs, want)
					}
					if got, want := tr.Outcome.Exit.String(), b.Outcomes[0].Kind; got != want {
						t.Errorf("exit %v, real Go %v", got, want)
					}
				}
			})
		}
	}
}
