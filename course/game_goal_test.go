package course_test

import (
	"testing"

	"lanes/course"
	"lanes/sim"
	"lanes/sim/trace"
)

// TestOutcomeChallenge: the custom goal of an explorer's outcome is met by
// that outcome and by no other (another output, another exit).
func TestOutcomeChallenge(t *testing.T) {
	mine := sim.Outcome{Exit: trace.ExitOK, Output: "b\na \"q\"\n"}
	tests := []struct {
		desc  string
		other sim.Outcome
		want  bool
	}{
		{desc: "the outcome itself", other: mine, want: true},
		{desc: "another order", other: sim.Outcome{Exit: trace.ExitOK, Output: "a \"q\"\nb\n"}, want: false},
		{desc: "the same output, another exit", other: sim.Outcome{Exit: trace.ExitDeadlock, Output: mine.Output}, want: false},
		{desc: "more output", other: sim.Outcome{Exit: trace.ExitOK, Output: mine.Output + "c\n"}, want: false},
	}
	ch, ok := course.OutcomeChallenge(mine)
	if !ok {
		t.Fatal("OutcomeChallenge: not ok")
	}
	g, err := ch.ParsedGoal()
	if err != nil {
		t.Fatalf("goal %q: %v", ch.Goal, err)
	}
	for _, tt := range tests {
		if got := g.Met(course.EndOfOutcome(tt.other)); got != tt.want {
			t.Errorf("%s: Met = %v, want %v (goal %q)", tt.desc, got, tt.want, ch.Goal)
		}
	}
	if _, ok := course.OutcomeChallenge(sim.Outcome{Output: "x", OutputBytes: 1 << 20}); ok {
		t.Error("an outcome whose output was cut short: ok, want no goal")
	}
}
