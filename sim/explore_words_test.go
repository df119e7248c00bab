package sim

import "testing"

func TestSummaryWords(t *testing.T) {
	tests := []struct {
		desc string
		r    Report
		want string
	}{
		{desc: "complete", r: Report{Strategy: "exhaustive", Complete: true, Runs: 12, Outcomes: make([]Outcome, 2)},
			want: "every schedule: 12 runs, 2 outcomes"},
		{desc: "within its bound", r: Report{Strategy: "exhaustive", Bound: 2, Covered: 2, Runs: 4213, Outcomes: make([]Outcome, 6)},
			want: "every schedule with at most 2 preemptions: 4,213 runs, 6 outcomes"},
		{desc: "a bound of none", r: Report{Strategy: "exhaustive", Bound: 0, Covered: 0, Runs: 1, Outcomes: make([]Outcome, 1)},
			want: "every schedule without a preemption: 1 run, 1 outcome"},
		{desc: "stopped after the schedules without a preemption", r: Report{Strategy: "exhaustive", Bound: 2, Covered: 0, Limited: true, Limit: 20000, Runs: 20000, Outcomes: make([]Outcome, 3)},
			want: "stopped at the limit of 20,000 runs; not complete (every schedule without a preemption was run): 3 outcomes"},
		{desc: "stopped within bound 1", r: Report{Strategy: "exhaustive", Bound: 2, Covered: 1, Limited: true, Limit: 1000, Runs: 1000, Outcomes: make([]Outcome, 3)},
			want: "stopped at the limit of 1,000 runs; not complete (every schedule with at most 1 preemption was run): 3 outcomes"},
		{desc: "random", r: Report{Strategy: "random", Runs: 100, Outcomes: make([]Outcome, 2)},
			want: "100 random schedules (the first one the runtime strategy's), 2 outcomes"},
	}
	for _, tt := range tests {
		if got := tt.r.Summary(); got != tt.want {
			t.Errorf("%s: Summary() = %q, want %q", tt.desc, got, tt.want)
		}
	}
}
