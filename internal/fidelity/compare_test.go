package fidelity

import (
	"testing"
	"time"

	"lanes/internal/realgo"
)

// TestRuntimeMatchesReal: a program whose recorded GOMAXPROCS=1 runs on
// an idle machine all ended the same way ends that way under the runtime
// strategy. (On a loaded machine timers fire late even at GOMAXPROCS=1:
// those outcomes are the exploring strategies' to reach.)
func TestRuntimeMatchesReal(t *testing.T) {
	forEach(t, programs(t), func(t *testing.T, p program, s *simulated) {
		if s.invalid != nil {
			t.Errorf("trace -json: invalid trace: %v", s.invalid)
		}
		if p.real == nil {
			t.Skip("no real runs recorded")
		}
		for _, b := range p.real.Batches {
			if b.GOMAXPROCS != 1 || b.Loaded {
				continue
			}
			if len(b.Outcomes) != 1 {
				t.Skipf("not deterministic at GOMAXPROCS=1: %d outcomes in %d runs", len(b.Outcomes), b.Runs)
			}
			if want := fromReal(b.Outcomes[0]); s.runtime != want {
				t.Errorf("runtime strategy:\n\tgot  %v\n\twant %v (all %d real runs at GOMAXPROCS=1)", s.runtime, want, b.Runs)
			}
		}
	})
}

// TestRealOutcomesAmongSimulated: every recorded real outcome is one the
// simulator can produce.
func TestRealOutcomesAmongSimulated(t *testing.T) {
	forEach(t, programs(t), func(t *testing.T, p program, s *simulated) {
		if p.real == nil {
			t.Skip("no real runs recorded")
		}
		for _, b := range p.real.Batches {
			for _, o := range b.Outcomes {
				if want := fromReal(o); !s.has(want) {
					t.Errorf("real outcome (%d of %d runs at GOMAXPROCS=%d%s) never simulated:\n\t%v\nsimulated outcomes:%s",
						o.Count, b.Runs, b.GOMAXPROCS, loaded(b), want, s.list())
				}
			}
		}
	})
}

func loaded(b realgo.Batch) string {
	if b.Loaded {
		return ", loaded"
	}
	return ""
}

// onlyOutcome returns the one outcome every GOMAXPROCS=1 batch of p
// recorded, idle and loaded, or nil when they recorded several.
func onlyOutcome(p program) *outcome {
	var want *outcome
	for _, b := range p.real.Batches {
		if b.GOMAXPROCS != 1 {
			continue
		}
		if len(b.Outcomes) != 1 {
			return nil
		}
		o := fromReal(b.Outcomes[0])
		if want != nil && *want != o {
			return nil
		}
		want = &o
	}
	return want
}

// TestNativeDrift runs every program natively now, a few times, and asserts
// the same as the tests above of those runs: each native outcome is among
// the simulated ones (whose world includes late timers, so a loaded machine
// is no excuse), and at GOMAXPROCS=1 it is the one real.json recorded when
// every GOMAXPROCS=1 batch, idle and loaded, had only that one and the
// program does not use the clock (one P without timers is deterministic
// however busy the machine; with timers, a busy machine fires them late,
// and the outcome need only be simulated). An unexpected outcome fails the
// test only if it shows up again in a few more runs.
func TestNativeDrift(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every program natively")
	}
	forEach(t, programs(t), func(t *testing.T, p program, s *simulated) {
		bin, err := realgo.Build(p.path)
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		for _, procs := range []int{1, 4} {
			var want *outcome // the only outcome real.json recorded at GOMAXPROCS=1
			if procs == 1 && p.real != nil && !s.timed {
				want = onlyOutcome(p)
			}
			bad := func(o outcome) bool { return !s.has(o) || want != nil && o != *want }
			rs, err := realgo.RunWith(bin, realgo.Options{GOMAXPROCS: procs, Runs: 3, Timeout: 20 * time.Second})
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			for _, r := range rs {
				got := fromResult(r)
				if !bad(got) {
					continue
				}
				again, err := realgo.RunWith(bin, realgo.Options{GOMAXPROCS: procs, Runs: 5, Timeout: 20 * time.Second})
				if err != nil {
					t.Fatalf("run: %v", err)
				}
				n := 0
				for _, r := range again {
					if fromResult(r) == got {
						n++
					}
				}
				if n == 0 {
					t.Logf("GOMAXPROCS=%d: a native run once gave %v, not again in %d more runs (timing on a loaded machine?)", procs, got, len(again))
					continue
				}
				if !s.has(got) {
					t.Errorf("native outcome at GOMAXPROCS=%d (%d of %d reruns) never simulated:\n\t%v\nsimulated outcomes:%s", procs, n, len(again), got, s.list())
				} else {
					t.Errorf("native outcome at GOMAXPROCS=%d (%d of %d reruns) differs from real.json (deterministic there):\n\tgot  %v\n\twant %v", procs, n, len(again), got, *want)
				}
				break
			}
		}
	})
}
