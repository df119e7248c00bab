package course

import (
	"fmt"
	"strings"
	"testing"
)

func TestMarkReal(t *testing.T) {
	real := []Batch{
		{GOMAXPROCS: 1, Runs: 10, Outcomes: []RealOutcome{{Stdout: "a\n", Kind: "ok", Count: 10}}},
		{GOMAXPROCS: 4, Runs: 10, Outcomes: []RealOutcome{
			{Stdout: "a\n", Kind: "ok", Count: 8},
			{Stdout: "b\n", Kind: "panic", Stderr: "panic: boom\n\ngoroutine 1 [running]:", Count: 2},
		}},
	}
	tests := []struct {
		desc   string
		o      ExploreOutcome
		others []ExploreOutcome // found beside it
		real   []Batch
		want   bool
	}{
		{desc: "seen at GOMAXPROCS 1 and 4", o: ExploreOutcome{Output: "a\n", Exit: "ok"}, real: real, want: true},
		{desc: "seen at GOMAXPROCS 4 only, stderr's first line", o: ExploreOutcome{Output: "b\n", Exit: "panic", Stderr: "panic: boom"}, real: real, want: true},
		{desc: "same output, another exit", o: ExploreOutcome{Output: "a\n", Exit: "deadlock"}, real: real},
		{desc: "same output and exit, another stderr", o: ExploreOutcome{Output: "b\n", Exit: "panic", Stderr: "panic: bang"}, real: real},
		{desc: "an output real Go never printed", o: ExploreOutcome{Output: "c\n", Exit: "ok"}, real: real},
		{desc: "an output cut short is never marked", o: ExploreOutcome{Output: "a\n", Exit: "ok", cut: true}, real: real},
		{desc: "a variant never measured", o: ExploreOutcome{Output: "a\n", Exit: "ok"}},
		{desc: "a real outcome with no runs", o: ExploreOutcome{Output: "z\n", Exit: "ok"},
			real: []Batch{{GOMAXPROCS: 1, Outcomes: []RealOutcome{{Stdout: "z\n", Kind: "ok"}}}}},
		{desc: "found only when time slips, and nothing on time prints it", o: ExploreOutcome{Output: "a\n", Exit: "ok", Slip: true}, real: real, want: true},
		{desc: "found only when time slips, and an ending on time prints the same: real Go's run is explained without late timers",
			o: ExploreOutcome{Output: "a\n", Exit: "ok", Slip: true}, others: []ExploreOutcome{{Output: "a\n", Exit: "ok", Killed: []string{"worker (line 9)"}}}, real: real},
		{desc: "found only when time slips; the ending on time ends another way",
			o: ExploreOutcome{Output: "a\n", Exit: "ok", Slip: true}, others: []ExploreOutcome{{Output: "a\n", Exit: "deadlock"}}, real: real, want: true},
	}
	for _, tt := range tests {
		outs := append([]ExploreOutcome{tt.o}, tt.others...)
		MarkReal(outs, tt.real)
		if got := outs[0].SeenReal; got != tt.want {
			t.Errorf("%s: SeenReal %v, want %v", tt.desc, got, tt.want)
		}
	}
}

func TestRuntimeFirst(t *testing.T) {
	tests := []struct {
		desc string
		in   []ExploreOutcome
		want string
	}{
		{desc: "the runtime outcome moves first, the others keep their order",
			in:   []ExploreOutcome{{Output: "b", Count: 5}, {Output: "c", Count: 3}, {Output: "a", Count: 1, Runtime: true}, {Output: "d", Count: 1}},
			want: "a b c d"},
		{desc: "already first", in: []ExploreOutcome{{Output: "a", Runtime: true}, {Output: "b"}}, want: "a b"},
		{desc: "no runtime outcome (stopped early)", in: []ExploreOutcome{{Output: "b"}, {Output: "a"}}, want: "b a"},
		{desc: "none", want: ""},
		{desc: "endings found only when time slipped go last, in their order",
			in:   []ExploreOutcome{{Output: "s1", Count: 9, Slip: true}, {Output: "b", Count: 5}, {Output: "s2", Count: 4, Slip: true}, {Output: "a", Runtime: true, Count: 1}, {Output: "c", Count: 1}},
			want: "a b c s1 s2"},
	}
	for _, tt := range tests {
		runtimeFirst(tt.in)
		var got []string
		for _, o := range tt.in {
			got = append(got, o.Output)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: order %q, want %q", tt.desc, strings.Join(got, " "), tt.want)
		}
	}
}

// TestExploreWords: the summary says what was searched and whether it is
// complete, every outcome how often it was found, never a percentage.
func TestExploreWords(t *testing.T) {
	prog := func() {} // one schedule: every schedule is one run
	tests := []struct {
		desc        string
		req         ExploreRequest
		progress    func(done, total int) bool
		wantSummary string
		wantFound   string
	}{
		{desc: "auto enumerates every schedule", req: ExploreRequest{Mode: "auto"},
			wantSummary: "every schedule: 1 run, 1 outcome", wantFound: "found in 1 of 1 schedule"},
		{desc: "random says how many schedules, the first the runtime one", req: ExploreRequest{Mode: "random", Runs: 20, Seed: 1},
			wantSummary: "20 random schedules (the first one the runtime strategy's), 1 outcome", wantFound: "found in 20 of 20 schedules"},
		{desc: "pct", req: ExploreRequest{Mode: "pct", Runs: 1000, Seed: 1},
			wantSummary: "1,000 pct schedules (the first one the runtime strategy's), 1 outcome", wantFound: "found in 1,000 of 1,000 schedules"},
		{desc: "stopped by the reader", req: ExploreRequest{Mode: "random", Runs: 100, Seed: 1}, progress: func(done, total int) bool { return done < 10 },
			wantSummary: "stopped after 10 of 100 schedules: 10 random schedules (the first one the runtime strategy's), 1 outcome", wantFound: "found in 10 of 10 schedules"},
	}
	for _, tt := range tests {
		res, err := Explore(prog, tt.req, tt.progress)
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		if res.Summary != tt.wantSummary {
			t.Errorf("%s: summary\n got %q\nwant %q", tt.desc, res.Summary, tt.wantSummary)
		}
		if len(res.Outcomes) != 1 || res.Outcomes[0].Found != tt.wantFound || !res.Outcomes[0].Runtime {
			t.Errorf("%s: outcomes %+v, want one, the runtime one, %q", tt.desc, res.Outcomes, tt.wantFound)
		}
		if strings.Contains(res.Summary+fmt.Sprint(res.Outcomes), "%") {
			t.Errorf("%s: a percentage in %q", tt.desc, res.Summary)
		}
	}
}
