package sim_test

import (
	"strings"
	"testing"

	"lanes/sim"
	simfmt "lanes/sim/fmt"
	simos "lanes/sim/os"
	"lanes/sim/trace"
)

// flood prints 1,000 lines of 100 bytes to stdout and to stderr by turns,
// then "done".
func flood() {
	line := strings.Repeat("x", 99) + "\n"
	for i := 0; i < 1000; i++ {
		if i%2 == 0 {
			simfmt.Print(line)
		} else {
			simfmt.Fprint(simos.Stderr, line)
		}
	}
	simfmt.Println("done")
}

func TestOutputLimit(t *testing.T) {
	tests := []struct {
		desc   string
		limit  int
		exit   trace.ExitKind
		output int // bytes of stdout and stderr together, without the limit's line
		stderr string
	}{
		{desc: "no limit", exit: trace.ExitOK, output: 100_005},
		{desc: "under the limit", limit: 200_000, exit: trace.ExitOK, output: 100_005},
		{desc: "exactly the output", limit: 100_005, exit: trace.ExitOK, output: 100_005},
		{desc: "over: cut in a line", limit: 1 << 10, exit: trace.ExitOutputLimit, output: 1 << 10,
			stderr: "lanes: stopped: output over 1 KiB\n"},
		{desc: "over by the last byte", limit: 100_004, exit: trace.ExitOutputLimit, output: 100_004,
			stderr: "lanes: stopped: output over 100004 bytes\n"},
	}
	for _, tt := range tests {
		tr := run(t, flood, sim.Options{OutputLimit: tt.limit})
		o := tr.Outcome
		if o.Exit != tt.exit {
			t.Errorf("%s: exit = %v, want %v", tt.desc, o.Exit, tt.exit)
		}
		stderr, _ := strings.CutSuffix(o.Stderr, tt.stderr)
		if got := len(o.Output) + len(stderr); got != tt.output || !strings.HasSuffix(o.Stderr, tt.stderr) {
			t.Errorf("%s: %d bytes of output, stderr ends %q; want %d bytes and %q", tt.desc, got, o.Stderr[max(0, len(o.Stderr)-60):], tt.output, tt.stderr)
		}
		if tt.exit == trace.ExitOutputLimit {
			if got, want := tr.Events[len(tr.Events)-1].Text, strings.TrimSuffix(tt.stderr, "\n")[len("lanes: "):]; got != want {
				t.Errorf("%s: exit event %q, want %q", tt.desc, got, want)
			}
		}
	}
}

// Explore keeps a bounded sample of each outcome's output, and tells
// outcomes apart by their whole output.
func TestExploreSamplesOutput(t *testing.T) {
	big := func() {
		simfmt.Print(strings.Repeat("y", sim.SampleLimit+10))
		simfmt.Print(sim.Rand().IntN(2)) // two outcomes that differ after the sample
	}
	rep, err := sim.Explore(big, sim.ExploreOptions{Runs: 40})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outcomes) != 2 {
		t.Fatalf("%d outcomes, want 2", len(rep.Outcomes))
	}
	for _, o := range rep.Outcomes {
		if len(o.Output) != sim.SampleLimit || o.OutputBytes != sim.SampleLimit+11 || len(o.OutputSum) != 64 {
			t.Errorf("outcome keeps %d bytes, output_bytes %d, sum %q; want %d, %d and a SHA-256",
				len(o.Output), o.OutputBytes, o.OutputSum, sim.SampleLimit, sim.SampleLimit+11)
		}
	}
	if rep.Outcomes[0].OutputSum == rep.Outcomes[1].OutputSum {
		t.Errorf("both outcomes have the sum %s", rep.Outcomes[0].OutputSum)
	}
}
