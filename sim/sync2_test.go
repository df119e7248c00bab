package sim_test

import (
	"slices"
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

func TestLibraries(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		output string
		exit   trace.ExitKind
		stderr string
	}{
		{desc: "errgroup: first error cancels the siblings", prog: errgroupCancel,
			output: "cancelled 3\ncancelled 1\nerror: fetch 2 failed fetch 2 failed\n", exit: trace.ExitOK},
		{desc: "errgroup: SetLimit(2)", prog: errgroupLimit, output: "peak 2\n", exit: trace.ExitOK},
		{desc: "semaphore of 3", prog: semaphoreLimit, output: "peak 3\n", exit: trace.ExitOK},
		{desc: "semaphore: timeout, TryAcquire, over-release", prog: semaphoreTimeout,
			output: "context deadline exceeded false\ntrue\n", exit: trace.ExitPanic, stderr: "panic: semaphore: released more than held\n"},
		{desc: "errgroup does not pass panics to Wait", prog: errgroupPanic, exit: trace.ExitPanic, stderr: "panic: task failed\n"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			tr := run(t, tc.prog, sim.Options{})
			o := tr.Outcome
			checkOutcome(t, o, tc.output, tc.exit, tc.stderr)
		})
	}
}

// TestLimitsHoldInEverySchedule checks the in-flight bounds over random
// and PCT schedules, not only the runtime one. When time slips, early
// goroutines may finish before the last ones start, so the peak may stay
// below the limit; it never exceeds it.
func TestLimitsHoldInEverySchedule(t *testing.T) {
	for _, strategy := range []string{"random", "pct"} {
		for _, p := range []struct {
			name string
			prog func()
			want []string
		}{{"errgroup", errgroupLimit, []string{"peak 2\n", "peak 1\n"}}, {"semaphore", semaphoreLimit, []string{"peak 3\n", "peak 2\n", "peak 1\n"}}} {
			rep, err := sim.Explore(p.prog, sim.ExploreOptions{Runs: 300, Strategy: strategy})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range rep.Outcomes {
				if !slices.Contains(p.want, o.Output) {
					t.Errorf("%s/%s: outcome %q (%d runs, seed %d), want one of %q", p.name, strategy, o.Output, o.Count, o.Seed, p.want)
				}
				if o.Runtime && o.Output != p.want[0] {
					t.Errorf("%s/%s: runtime outcome %q, want %q", p.name, strategy, o.Output, p.want[0])
				}
			}
		}
	}
}

func TestExplore(t *testing.T) {
	for _, strategy := range []string{"random", "pct"} {
		t.Run(strategy, func(t *testing.T) { testExplore(t, strategy) })
	}
}

// testExplore checks the counts and that every outcome's seed reproduces it
// in a fresh run: no strategy carries anything from one run to the next.
func testExplore(t *testing.T, strategy string) {
	rep, err := sim.Explore(addInside, sim.ExploreOptions{Runs: 1000, Strategy: strategy})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Runs, 1000; got != want {
		t.Errorf("runs = %d, want %d", got, want)
	}
	total := 0
	for _, o := range rep.Outcomes {
		total += o.Count
		name := strategy
		if o.Runtime {
			name = "runtime"
		}
		s, _ := sim.NewStrategy(name)
		tr := run(t, addInside, sim.Options{Strategy: s, Seed: o.Seed})
		if tr.Outcome.Output != o.Output {
			t.Errorf("seed %d reproduces %q, want %q", o.Seed, tr.Outcome.Output, o.Output)
		}
	}
	if total != rep.Runs || len(rep.Outcomes) < 3 {
		t.Errorf("outcomes %+v: counts sum to %d over %d runs", rep.Outcomes, total, rep.Runs)
	}
}

func TestExhaustive(t *testing.T) {
	rep, err := sim.Explore(gosched, sim.ExploreOptions{Runs: 10000, Strategy: "exhaustive", Bound: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Complete {
		t.Fatalf("exhaustive exploration of a 2-goroutine program did not complete in %d runs", rep.Runs)
	}
	var outs []string
	for _, o := range rep.Outcomes {
		outs = append(outs, o.Output)
		tr := run(t, gosched, sim.Options{Strategy: sim.Replay(o.Choices)})
		if tr.Outcome.Output != o.Output {
			t.Errorf("choices %v replay %q, want %q", o.Choices, tr.Outcome.Output, o.Output)
		}
	}
	slices.Sort(outs)
	if want := []string{"main\n", "main\nother\n", "other\nmain\n"}; !slices.Equal(outs, want) {
		t.Errorf("outcomes %q, want %q: both orders, and other killed at exit", outs, want)
	}
}

// TestNoRealGoroutineOutlivesRuns runs racy programs many times; TestMain's
// goleak check then finds any real goroutine left behind.
func TestNoRealGoroutineOutlivesRuns(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	progs := []func(){addInside, raceToExit, eternalTicker, sendNobody, errgroupCancel}
	for i := 0; i < n; i++ {
		sim.Run(progs[i%len(progs)], sim.Options{Strategy: sim.Random(), Seed: int64(i), NoStatements: true})
	}
}

// TestExploreSlipped: an ending found only in schedules where time
// slipped says so (Slipped is its Count), so that the page can tell it
// needs a machine that runs late; the others count no slipped runs.
func TestExploreSlipped(t *testing.T) {
	rep, err := sim.Explore(raceToExit, sim.ExploreOptions{Runs: 1000, Strategy: "exhaustive"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc   string
		output string
		onTime bool // found with every timer on time
	}{
		{desc: "main exits first: timers on time", output: "Exiting...\n", onTime: true},
		{desc: "the worker prints: only if its second-long sleep is cut short by a slip", output: "Finished!\nExiting...\n"},
	}
	for _, tc := range tests {
		i := slices.IndexFunc(rep.Outcomes, func(o sim.Outcome) bool { return o.Output == tc.output })
		if i < 0 {
			t.Errorf("%s: no outcome %q in %+v", tc.desc, tc.output, rep.Outcomes)
			continue
		}
		if o := rep.Outcomes[i]; (o.Slipped < o.Count) != tc.onTime || o.Slipped > o.Count {
			t.Errorf("%s: Slipped %d of %d, want found on time %v", tc.desc, o.Slipped, o.Count, tc.onTime)
		}
	}
}
