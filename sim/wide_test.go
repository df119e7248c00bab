package sim_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// sleepOrder is the twin of three workers sleeping 10, 20 and 30 ms, with
// the step points the rewriter places.
func sleepOrder() {
	sim.Step(1)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		sim.Step(2)
		wg.Add(1)
		sim.Step(3)
		sim.Go("worker", func() {
			sim.Step(4)
			defer wg.Done()
			sim.Step(5)
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			sim.Step(6)
			fmt.Println("worker", i)
		})
	}
	sim.Step(7)
	wg.Wait()
}

// twoPrinters prints from two goroutines with nothing but statements
// between their prints.
func twoPrinters() {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		sim.Go("printer", func() {
			defer wg.Done()
			for i := 1; i <= 2; i++ {
				sim.Step(10)
				fmt.Println(name, i)
			}
		})
	}
	wg.Wait()
}

func TestWideWorld(t *testing.T) {
	tests := []struct {
		desc     string
		prog     func()
		strategy string
		want     string // an output some schedule must print
		runtime  string // the runtime strategy's output
	}{
		{desc: "timers fire late, several at once: the last readied runs first", prog: sleepOrder, strategy: "random",
			want: "worker 3\nworker 1\nworker 2\n", runtime: "worker 1\nworker 2\nworker 3\n"},
		{desc: "pct lets time slip too", prog: sleepOrder, strategy: "pct",
			want: "worker 2\nworker 1\nworker 3\n", runtime: "worker 1\nworker 2\nworker 3\n"},
		{desc: "preemption between two statements", prog: twoPrinters, strategy: "random",
			want: "a 1\nb 1\na 2\nb 2\n", runtime: "b 1\nb 2\na 1\na 2\n"},
		{desc: "sleeping is not synchronisation", prog: raceToExit, strategy: "random",
			want: "Exiting...\nFinished!\n", runtime: "Exiting...\n"},
	}
	for _, tt := range tests {
		rep, err := sim.Explore(tt.prog, sim.ExploreOptions{Runs: 2000, Strategy: tt.strategy})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, o := range rep.Outcomes {
			found = found || o.Output == tt.want
			if o.Runtime && o.Output != tt.runtime {
				t.Errorf("%s: runtime outcome %q, want %q", tt.desc, o.Output, tt.runtime)
			}
		}
		if !found {
			t.Errorf("%s: %q never printed in %d %s schedules", tt.desc, tt.want, rep.Runs, tt.strategy)
		}
		if rt := run(t, tt.prog, sim.Options{}); rt.Outcome.Output != tt.runtime {
			t.Errorf("%s: runtime strategy printed %q, want %q", tt.desc, rt.Outcome.Output, tt.runtime)
		}
	}
}

// TestReplayReproducesWideRuns: every random and PCT run, preempted at
// statements and with time slips, replays from its recorded choices to the
// same trace, event for event.
func TestReplayReproducesWideRuns(t *testing.T) {
	slips, preempted := 0, 0
	for _, prog := range []func(){sleepOrder, twoPrinters, raceToExit, addInside} {
		for seed := int64(0); seed < 100; seed++ {
			for _, s := range []sim.Strategy{sim.Random(), sim.PCT(3)} {
				tr := run(t, prog, sim.Options{Strategy: s, Seed: seed})
				back := run(t, prog, sim.Options{Strategy: sim.Replay(tr.Choices), Seed: seed})
				tr.Strategy, back.Strategy = "", ""
				a, _ := trace.Marshal(tr)
				b, _ := trace.Marshal(back)
				if !bytes.Equal(a, b) {
					t.Fatalf("%s seed %d: replay differs:\n%s\n%s", s.Name(), seed, a, b)
				}
				if slices.ContainsFunc(tr.Events, func(e trace.Event) bool { return e.Kind == trace.KindTimeSlip }) {
					slips++
				}
				if strings.Contains(tr.Outcome.Output, "a 1\nb 1\n") {
					preempted++
				}
			}
		}
	}
	if slips == 0 || preempted == 0 {
		t.Errorf("%d runs with a time slip, %d preempted between statements: want some of each", slips, preempted)
	}
}

// TestExhaustiveBound: the bounded search runs the runtime schedule first,
// states its bound, and finds more with a larger one.
func TestExhaustiveBound(t *testing.T) {
	tests := []struct {
		desc     string
		bound    int
		runs     int
		summary  string
		complete bool
		prog     func() // default twoPrinters
	}{
		{desc: "bound 1", bound: 1, runs: 100000, summary: "every schedule with at most 1 preemption: "},
		{desc: "default bound", runs: 100000, summary: "every schedule with at most 2 preemptions: "},
		{desc: "no bound", bound: -1, runs: 1000000, summary: "every schedule: ", complete: true, prog: raceToExit},
		{desc: "run limit", runs: 5, summary: "stopped at the limit of 5 runs; not complete"},
	}
	prev := 0
	for _, tt := range tests {
		prog := tt.prog
		if prog == nil {
			prog = twoPrinters
		}
		rep, err := sim.Explore(prog, sim.ExploreOptions{Strategy: "exhaustive", Bound: tt.bound, Runs: tt.runs})
		if err != nil {
			t.Fatal(err)
		}
		if got := rep.Summary(); !strings.HasPrefix(got, tt.summary) || rep.Complete != tt.complete {
			t.Errorf("%s: %q complete %v, want %q… complete %v", tt.desc, got, rep.Complete, tt.summary, tt.complete)
		}
		if !rep.Outcomes[0].Runtime && !slices.ContainsFunc(rep.Outcomes, func(o sim.Outcome) bool { return o.Runtime }) {
			t.Errorf("%s: no runtime outcome", tt.desc)
		}
		if tt.prog == nil && tt.runs > 5 {
			if len(rep.Outcomes) < prev {
				t.Errorf("%s: %d outcomes, fewer than with a smaller bound (%d)", tt.desc, len(rep.Outcomes), prev)
			}
			prev = len(rep.Outcomes)
		}
		total := 0
		for _, o := range rep.Outcomes {
			total += o.Count
			if tr := run(t, prog, sim.Options{Strategy: sim.Replay(o.Choices)}); tr.Outcome.Output != o.Output {
				t.Errorf("%s: choices %v replay %q, want %q", tt.desc, o.Choices, tr.Outcome.Output, o.Output)
			}
		}
		if total != rep.Runs {
			t.Errorf("%s: counts add up to %d over %d runs", tt.desc, total, rep.Runs)
		}
	}
}
