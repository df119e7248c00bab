package sim_test

import (
	"slices"
	"testing"

	"lanes/sim"
)

// TestExploreGoroutineNames: an outcome names its goroutines with their
// go statement's line; main, which has none, by its name alone.
func TestExploreGoroutineNames(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		killed []string
		leaked []string
	}{
		{desc: "a deadlock in main: main, no line", prog: func() {
			ch := sim.MakeChan[int](0)
			ch.Send(1)
		}, killed: []string{"main"}},
		{desc: "a goroutine leaked on a receive: its go line", prog: func() {
			ch := sim.MakeChan[int](0)
			sim.StepAt(7)
			sim.Go("func1", func() { ch.Recv() })
		}, leaked: []string{"func1 (line 7): chan receive"}},
	}
	for _, tt := range tests {
		rep, err := sim.Explore(tt.prog, sim.ExploreOptions{Strategy: "random", Runs: 1})
		if err != nil || len(rep.Outcomes) != 1 {
			t.Fatalf("%s: %v, %d outcomes", tt.desc, err, len(rep.Outcomes))
		}
		if o := rep.Outcomes[0]; !slices.Equal(o.Killed, tt.killed) || !slices.Equal(o.Leaked, tt.leaked) {
			t.Errorf("%s: killed %q leaked %q, want %q and %q", tt.desc, o.Killed, o.Leaked, tt.killed, tt.leaked)
		}
	}
}
