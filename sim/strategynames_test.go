package sim_test

import (
	"testing"

	"lanes/sim"
)

// TestStrategyNames checks that the lists of names are the strategies
// NewStrategy and Explore know, default first, and that other names are
// refused with the list.
func TestStrategyNames(t *testing.T) {
	names := sim.StrategyNames()
	def, err := sim.NewStrategy("")
	if err != nil {
		t.Fatalf("NewStrategy(\"\"): %v", err)
	}
	if got, want := def.Name(), names[0]; got != want {
		t.Errorf("default strategy = %q, want %q (the first of StrategyNames)", got, want)
	}
	for _, name := range names {
		s, err := sim.NewStrategy(name)
		if err != nil {
			t.Errorf("NewStrategy(%q): %v", name, err)
			continue
		}
		if got := s.Name(); got != name {
			t.Errorf("NewStrategy(%q).Name() = %q", name, got)
		}
	}
	_, err = sim.NewStrategy("fastest")
	if want := `unknown strategy "fastest" (want runtime, random or pct)`; err == nil || err.Error() != want {
		t.Errorf("NewStrategy(\"fastest\"): %v, want %s", err, want)
	}

	prog := func() {}
	for i, name := range sim.ExploreStrategyNames() {
		rep, err := sim.Explore(prog, sim.ExploreOptions{Runs: 1, Strategy: name})
		if err != nil {
			t.Errorf("Explore with %q: %v", name, err)
			continue
		}
		if got := rep.Strategy; got != name {
			t.Errorf("Explore with %q: report strategy %q", name, got)
		}
		if i == 0 {
			if rep, err := sim.Explore(prog, sim.ExploreOptions{Runs: 1}); err != nil || rep.Strategy != name {
				t.Errorf("Explore's default: %v, %v; want %q (the first of ExploreStrategyNames)", rep, err, name)
			}
		}
	}
	_, err = sim.Explore(prog, sim.ExploreOptions{Strategy: "fastest"})
	if want := `unknown exploration strategy "fastest" (want random, pct or exhaustive)`; err == nil || err.Error() != want {
		t.Errorf("Explore with \"fastest\": %v, want %s", err, want)
	}
}
