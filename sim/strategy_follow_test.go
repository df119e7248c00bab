package sim_test

import (
	"bytes"
	"slices"
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// play plays the scheduler game on prog: at every pause, pick says who runs
// (trace.NoGoroutine: time slips). It returns the last run, which ended.
func play(t *testing.T, prog func(), pick func(p *sim.Pause, n int) trace.GoID) sim.Scheduled {
	t.Helper()
	var prefix []int
	for n := 0; ; n++ {
		s := sim.RunScheduled(prog, sim.Options{Program: "main.go"}, prefix, nil)
		if p := s.Pause; p != nil && testing.Verbose() {
			t.Logf("pause %+v", *p)
		}
		if err := trace.Validate(s.Trace); err != nil {
			t.Fatalf("Validate: %v", err)
		}
		p := s.Pause
		if p == nil {
			return s
		}
		if n > 500 {
			t.Fatal("no end after 500 picks")
		}
		c, ok := p.Take(pick(p, n))
		if !ok {
			t.Fatalf("pick %d: not an option at %+v", n, p)
		}
		prefix = append(slices.Clone(s.Trace.Choices[:p.Step]), c...)
	}
}

// loseUpdate is the reader who switches goroutines between the read and
// the write of counter++ the first time one is about to write.
func loseUpdate() func(p *sim.Pause, n int) trace.GoID {
	done := false
	return func(p *sim.Pause, n int) trace.GoID {
		if !done && p.Doing == "write counter" && len(p.Goroutines) > 1 {
			done = true
			return p.Goroutines[1]
		}
		return p.Goroutines[0]
	}
}

func marshal(t *testing.T, tr *trace.Trace) []byte {
	t.Helper()
	c := *tr
	c.Strategy = ""
	b, err := trace.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScheduledLostUpdate: the reader can interleave inside counter++ (the
// read and the write are two picks) and lose an update; the game's choices
// replay to the same trace, and the manual strategy with the same reader
// makes the same run.
func TestScheduledLostUpdate(t *testing.T) {
	s := play(t, racyCounter(2), loseUpdate())
	if got, want := s.Trace.Outcome.Output, "1\n"; got != want {
		t.Errorf("output = %q, want %q (a lost update)", got, want)
	}
	if got, want := s.Preemptions, 1; got != want {
		t.Errorf("preemptions = %d, want %d", got, want)
	}
	back := run(t, racyCounter(2), sim.Options{Strategy: sim.Replay(s.Trace.Choices)})
	if !bytes.Equal(marshal(t, back), marshal(t, s.Trace)) {
		t.Error("Replay of the game's choices differs from the game's run")
	}
	switched := -1 // the step where the reader switched
	for _, d := range s.Decisions {
		r := sim.RunScheduled(racyCounter(2), sim.Options{}, s.Trace.Choices[:d], nil)
		if r.Pause.Doing == "write counter" && s.Trace.Choices[d] != 0 {
			switched = d
		}
	}
	manual := run(t, racyCounter(2), sim.Options{Strategy: sim.Manual(func(c sim.Choice) int {
		if c.Step == switched {
			return 1
		}
		return 0
	})})
	if !bytes.Equal(marshal(t, manual), marshal(t, s.Trace)) {
		t.Errorf("Manual made another run: output %q", manual.Outcome.Output)
	}
}

// TestScheduledUndo: undoing goes back to the previous decision, the same
// pause as before the pick.
func TestScheduledUndo(t *testing.T) {
	first := sim.RunScheduled(addInside, sim.Options{}, nil, nil)
	var prefix []int
	var pauses []*sim.Pause
	s := first
	for range 5 {
		pauses = append(pauses, s.Pause)
		c, ok := s.Pause.Take(s.Pause.Goroutines[len(s.Pause.Goroutines)-1])
		if !ok {
			t.Fatal("the last goroutine is no option")
		}
		prefix = append(slices.Clone(s.Trace.Choices[:s.Pause.Step]), c...)
		s = sim.RunScheduled(addInside, sim.Options{}, prefix, nil)
	}
	for i := len(pauses) - 1; i >= 0; i-- {
		d := s.Decisions
		s = sim.RunScheduled(addInside, sim.Options{}, s.Trace.Choices[:d[len(d)-1]], nil)
		if got, want := *s.Pause, *pauses[i]; got.Step != want.Step || got.Events != want.Events || !slices.Equal(got.Goroutines, want.Goroutines) {
			t.Errorf("undo %d: pause %+v, want %+v", len(pauses)-i, got, want)
		}
	}
	if got, want := len(s.Decisions), 0; got != want {
		t.Errorf("after undoing every pick: %d decisions, want %d", got, want)
	}
}

// TestFollowThen: after the prefix, the runtime strategy or random decides;
// either run replays from its choices.
func TestFollowThen(t *testing.T) {
	start := sim.RunScheduled(addInside, sim.Options{}, nil, nil)
	prefix, _ := start.Pause.Take(start.Pause.Goroutines[1]) // a preemption at the first pick
	tests := []struct {
		desc string
		then sim.Strategy
		seed int64
	}{
		{desc: "runtime from here", then: sim.Runtime()},
		{desc: "random from here", then: sim.Random(), seed: 3},
		{desc: "random from here, another seed", then: sim.Random(), seed: 4},
		{desc: "option 0 from here (Replay)", then: nil},
	}
	for _, tt := range tests {
		s := sim.RunScheduled(addInside, sim.Options{Program: "main.go", Seed: tt.seed}, prefix, tt.then)
		if !slices.Equal(s.Trace.Choices[:len(prefix)], prefix) {
			t.Errorf("%s: choices %v do not start with %v", tt.desc, s.Trace.Choices, prefix)
		}
		if s.Pause == nil || s.Pause.Step < len(prefix) {
			t.Errorf("%s: pause %+v, want one after the prefix", tt.desc, s.Pause)
		}
		if got, want := s.Preemptions, 1; got != want {
			t.Errorf("%s: %d preemptions before the pause, want %d", tt.desc, got, want)
		}
		back := run(t, addInside, sim.Options{Strategy: sim.Replay(s.Trace.Choices), Seed: tt.seed})
		if a, b := marshal(t, back), marshal(t, s.Trace); !bytes.Equal(a, b) {
			t.Errorf("%s: Replay of its choices differs:\n%s\n%s", tt.desc, a, b)
		}
		again := sim.RunScheduled(addInside, sim.Options{Program: "main.go", Seed: tt.seed}, prefix, tt.then)
		if !bytes.Equal(marshal(t, again.Trace), marshal(t, s.Trace)) {
			t.Errorf("%s: not deterministic", tt.desc)
		}
	}
}

// TestScheduledSlip: where a timer is pending and someone could run, the
// reader may let time slip: the worker of the race to the exit then prints
// before main returns. Picks that are no option are refused.
func TestScheduledSlip(t *testing.T) {
	slipped := false
	s := play(t, raceToExit, func(p *sim.Pause, n int) trace.GoID {
		if n == 0 {
			return p.Goroutines[1] // the worker starts (and sleeps) first
		}
		if p.Slip && !slipped {
			slipped = true
			if p.Preemption(trace.NoGoroutine) != true {
				t.Error("a slip is not counted as a preemption")
			}
			return trace.NoGoroutine
		}
		if slipped && slices.Contains(p.Goroutines, 2) {
			return 2 // the worker, readied by its timer
		}
		return p.Goroutines[0]
	})
	if !slipped {
		t.Fatal("the reader was never offered to let time slip")
	}
	if got, want := s.Trace.Outcome.Output, "Finished!\nExiting...\n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	p := sim.RunScheduled(raceToExit, sim.Options{}, nil, nil).Pause
	if _, ok := p.Take(99); ok {
		t.Error("Take(99): a goroutine that does not exist is an option")
	}
	if !p.Slip {
		if _, ok := p.Take(trace.NoGoroutine); ok {
			t.Error("Take(slip) where no timer is pending is an option")
		}
	}
}
