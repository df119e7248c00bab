package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/atomic"
	"lanes/sim/fmt"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// spinOnFlag is the twin of a program whose main waits for a flag in an empty
// loop, set by a goroutine at once (wait 0) or after sleeping.
func spinOnFlag(wait time.Duration) func() {
	return func() {
		var ready atomic.Bool
		sim.Go("func1", func() {
			sim.Step(10)
			time.Sleep(wait)
			sim.Step(11)
			ready.Store(true)
		})
		for sim.Step(13); !ready.Load(); {
			sim.Step(14)
		}
		sim.Step(15)
		fmt.Println("saw", "the flag")
	}
}

// TestSpinLoopEnds: a spin loop ends under every strategy, as on real Go
// (sysmon preempts a goroutine that has run 10 ms), and a sleeping
// partner's timer fires because a long slice costs virtual time.
func TestSpinLoopEnds(t *testing.T) {
	for _, tc := range []struct {
		desc     string
		wait     time.Duration
		strategy sim.Strategy
		minTime  trace.Time
	}{
		{desc: "runtime, partner ready", strategy: sim.Runtime()},
		{desc: "runtime, partner sleeping", wait: 25 * time.Millisecond, strategy: sim.Runtime(), minTime: trace.Time(25 * time.Millisecond)},
		{desc: "random, partner sleeping", wait: 25 * time.Millisecond, strategy: sim.Random(), minTime: trace.Time(25 * time.Millisecond)},
		{desc: "pct, partner ready", strategy: sim.PCT(3)},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			for seed := int64(1); seed <= 5; seed++ {
				tr := sim.Run(spinOnFlag(tc.wait), sim.Options{Strategy: tc.strategy, Seed: seed})
				if err := trace.Validate(tr); err != nil {
					t.Fatalf("seed %d: Validate: %v", seed, err)
				}
				if tr.Outcome.Exit != trace.ExitOK || tr.Outcome.Duration < tc.minTime {
					t.Errorf("seed %d: got %v after %v (%s), want ok after at least %v", seed, tr.Outcome.Exit, tr.Outcome.Duration, tr.Outcome.Stderr, tc.minTime)
				}
			}
		})
	}
}

// TestShortTurnsUnpreempted: a goroutine that blocks before its slice is
// used up is never preempted by sysmon, so the runtime schedule of a
// program of short turns is Go's GOMAXPROCS=1 one, at virtual time 0.
func TestShortTurnsUnpreempted(t *testing.T) {
	tr := sim.Run(func() {
		ch := sim.MakeChan[int](0)
		sim.Go("producer", func() {
			for i := range 3000 {
				sim.Step(5)
				ch.Send(i)
			}
			ch.Close()
		})
		n := 0
		for {
			sim.Step(9)
			if _, ok := ch.Recv2(); !ok {
				break
			}
			n++
		}
		fmt.Println(n)
	}, sim.Options{})
	if tr.Outcome.Output != "3000\n" || tr.Outcome.Duration != 0 {
		t.Errorf("got %q after %v, want \"3000\\n\" after 0s", tr.Outcome.Output, tr.Outcome.Duration)
	}
}
