package course

import (
	"testing"

	"lanes/sim/trace"
)

// TestOutcomeChallenge: the custom goal of an explorer's outcome is met by
// that outcome and by no other (another output, another exit).
func TestOutcomeChallenge(t *testing.T) {
	mine := ExploreOutcome{Exit: "ok", Output: "b\na \"q\"\n"}
	tests := []struct {
		desc  string
		other Ending
		want  bool
	}{
		{desc: "the outcome itself", other: Ending{Exit: trace.ExitOK, Output: mine.Output}, want: true},
		{desc: "another order", other: Ending{Exit: trace.ExitOK, Output: "a \"q\"\nb\n"}, want: false},
		{desc: "the same output, another exit", other: Ending{Exit: trace.ExitDeadlock, Output: mine.Output}, want: false},
		{desc: "more output", other: Ending{Exit: trace.ExitOK, Output: mine.Output + "c\n"}, want: false},
	}
	ch, ok := OutcomeChallenge(mine)
	if !ok {
		t.Fatal("OutcomeChallenge: not ok")
	}
	g, err := ch.ParsedGoal()
	if err != nil {
		t.Fatalf("goal %q: %v", ch.Goal, err)
	}
	for _, tt := range tests {
		if got := g.Met(tt.other); got != tt.want {
			t.Errorf("%s: Met = %v, want %v (goal %q)", tt.desc, got, tt.want, ch.Goal)
		}
	}
	if got, want := ch.Task, `Reach this outcome yourself: the program prints "b\na \"q\"\n" and ends ok.`; got != want {
		t.Errorf("task %q, want %q", got, want)
	}
	if got := ch.FewestText(); got != "" {
		t.Errorf("FewestText %q: no search was run, want none", got)
	}
	if _, ok := OutcomeChallenge(ExploreOutcome{Output: "x", Exit: "ok", cut: true}); ok {
		t.Error("an outcome whose output was cut short: ok, want no goal")
	}
}
