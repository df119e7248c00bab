package sim_test

import (
	"math"
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// watchdog is a never-stopped clock timer that panics after many firings:
// a run that keeps the clock going forever fails the test instead of
// hanging it (the panic ends the test binary with this message).
func watchdog() {
	n := 0
	sim.NewClockTimer(time.Millisecond, time.Millisecond, func() {
		n++
		if n > 1_000_000 {
			panic("the clock fired a million times: the run never ends")
		}
	})
}

// TestClockEnds: timers nobody waits for cannot keep a run going forever,
// neither after main returned (the afterlife that tells leaked goroutines
// from killed ones) nor while main is blocked for good (the step limit).
func TestClockEnds(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		opts   sim.Options
		output string
		exit   trace.ExitKind
		stderr string
		leaked int
	}{
		{desc: "main returns beside a live ticker and a goroutine blocked forever", prog: func() {
			watchdog()
			_ = time.NewTicker(20 * time.Millisecond)
			block := sim.MakeChan[int](0)
			sim.Go("", func() { block.Recv() })
			time.Sleep(10 * time.Millisecond)
			fmt.Println("main returns")
		}, output: "main returns\n", exit: trace.ExitOK, leaked: 1},
		{desc: "main blocked for good beside a live ticker", prog: func() {
			watchdog()
			_ = time.NewTicker(20 * time.Millisecond)
			fmt.Println("waiting")
			sim.MakeChan[int](0).Recv()
		}, opts: sim.Options{StepLimit: 10_000}, output: "waiting\n", exit: trace.ExitStepLimit,
			stderr: "lanes: stopped after 10,000 steps\n"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			tr := run(t, tc.prog, tc.opts)
			checkOutcome(t, tr.Outcome, tc.output, tc.exit, tc.stderr)
			if got, want := len(tr.Outcome.Leaked), tc.leaked; got != want {
				t.Errorf("%d goroutines leaked, want %d", got, want)
			}
		})
	}
}

// TestClockSaturates: a deadline beyond the clock's range is clamped to its
// end, as Go's runtime does, instead of overflowing into the past.
func TestClockSaturates(t *testing.T) {
	tr := run(t, func() {
		time.Sleep(time.Millisecond)
		sim.Go("", func() {
			time.Sleep(math.MaxInt64)
			fmt.Println("292 years later")
		})
		time.Sleep(time.Second)
		fmt.Println("one second later")
	}, sim.Options{})
	checkOutcome(t, tr.Outcome, "one second later\n", trace.ExitOK, "")
	if got, want := tr.Outcome.Duration, trace.Time(time.Second+time.Millisecond); got != want {
		t.Errorf("duration = %v, want %v", got, want)
	}
	for _, e := range tr.Events {
		if e.Time < 0 {
			t.Fatalf("event %d at negative time %d", e.Seq, e.Time)
		}
	}
}
