package course

import (
	"strings"
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// The step limit's note gives the number the console's last line gives
// (the limit, "20,000", not the events recorded, "20,004") and is true of
// a program that never ends and of one that would end later.
func TestOutcomeNoteStepLimit(t *testing.T) {
	spin := func() {
		for {
			sim.Step(1)
		}
	}
	prints := func() { // ends, after 200,000 lines
		for range 200_000 {
			sim.Step(1)
		}
	}
	tests := []struct {
		desc   string
		prog   func()
		limit  int
		want   string
		absent string
	}{
		{desc: "a program that never ends", prog: spin, limit: 20_000, want: "did not end within 20,000 steps: Lanes stops every run there"},
		{desc: "one that would end later", prog: prints, limit: 20_000, want: "as well as one that would end later"},
		{desc: "another limit", prog: spin, limit: 1_500, want: "within 1,500 steps"},
	}
	for _, tt := range tests {
		tr := sim.Run(tt.prog, sim.Options{StepLimit: tt.limit, Program: "main.go"})
		if tr.Outcome.Exit != trace.ExitStepLimit {
			t.Fatalf("%s: exit %v, want the step limit", tt.desc, tr.Outcome.Exit)
		}
		note := OutcomeNote(tr.Outcome)
		if !strings.Contains(note, tt.want) {
			t.Errorf("%s: note %q lacks %q", tt.desc, note, tt.want)
		}
		if recorded := sim.Thousands(tr.Outcome.Steps); tr.Outcome.Steps != tt.limit && strings.Contains(note, recorded) {
			t.Errorf("%s: note %q gives the events recorded (%s), not the limit", tt.desc, note, recorded)
		}
		if line := "stopped after " + sim.Thousands(tt.limit) + " steps"; !strings.Contains(tr.Outcome.Stderr, line) {
			t.Errorf("%s: the console's line %q lacks %q", tt.desc, tr.Outcome.Stderr, line)
		}
		if strings.Contains(note, "looks like this") {
			t.Errorf("%s: note %q says the run looks like one that never ends", tt.desc, note)
		}
	}
	// A trace that does not say its limit (no stderr) still gets a note.
	if note := OutcomeNote(trace.Outcome{Exit: trace.ExitStepLimit, Steps: 20_004}); !strings.Contains(note, "within Lanes's step limit") || strings.Contains(note, "20,004") {
		t.Errorf("a trace without its limit: note %q", note)
	}
}
