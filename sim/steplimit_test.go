package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// A run stopped at its step limit gives the limit, not the events it
// recorded, in one wording: its stderr, its exit event, StepLimitOf.
func TestStepLimitOf(t *testing.T) {
	tests := []struct {
		desc  string
		limit int
	}{
		{desc: "the page's limit", limit: 20000},
		{desc: "a small one", limit: 999},
		{desc: "a million", limit: 1_000_000},
	}
	for _, tt := range tests {
		tr := run(t, spin, sim.Options{StepLimit: tt.limit})
		if got := sim.StepLimitOf(tr.Outcome); got != tt.limit {
			t.Errorf("%s: StepLimitOf = %d, want %d (stderr %q, %d steps recorded)", tt.desc, got, tt.limit, tr.Outcome.Stderr, tr.Outcome.Steps)
		}
		want := "stopped after " + sim.Thousands(tt.limit) + " steps"
		if last := tr.Events[len(tr.Events)-1]; last.Kind != trace.KindExit || last.Text != want {
			t.Errorf("%s: exit event %v %q, want %q", tt.desc, last.Kind, last.Text, want)
		}
	}
}

// StepLimitOf reads nothing from a run that did not end at the limit, or
// from one whose stderr does not say it.
func TestStepLimitOfOthers(t *testing.T) {
	tests := []struct {
		desc string
		o    trace.Outcome
		want int
	}{
		{desc: "main returned", o: trace.Outcome{Exit: trace.ExitOK, Stderr: "lanes: stopped after 5 steps\n"}, want: 0},
		{desc: "no stderr", o: trace.Outcome{Exit: trace.ExitStepLimit, Steps: 20004}, want: 0},
		{desc: "an older wording", o: trace.Outcome{Exit: trace.ExitStepLimit, Stderr: "lanes: stopped after 20000 steps\n"}, want: 20000},
		{desc: "garbage", o: trace.Outcome{Exit: trace.ExitStepLimit, Stderr: "lanes: stopped after many steps\n"}, want: 0},
	}
	for _, tt := range tests {
		if got := sim.StepLimitOf(tt.o); got != tt.want {
			t.Errorf("%s: StepLimitOf = %d, want %d", tt.desc, got, tt.want)
		}
	}
}
