package sim

import "math/rand/v2"

// Runtime returns the strategy that mimics Go's scheduler on one P: the
// running goroutine runs on until it blocks; then the goroutine in the
// run-next slot (the one most recently spawned or woken) runs, then the
// oldest in the queue. Ready select cases are picked at random from the
// seed, as Go picks them at random; so is where a range over a map starts.
func Runtime() Strategy { return &runtimeStrategy{} }

// wideRuntime is the runtime strategy's schedule in the wider world of the
// exploring strategies: the same run (it never preempts nor lets time
// slip), with choices that Replay reproduces. Explore's first schedule.
func wideRuntime() Strategy { return &runtimeStrategy{wide: true} }

type runtimeStrategy struct {
	rng    seededRand
	seed   int64
	seeded bool // rng is seeded for this run (most runs have no select)
	wide   bool
}

func (s *runtimeStrategy) narrow() bool { return !s.wide }

func (s *runtimeStrategy) Name() string { return "runtime" }

func (s *runtimeStrategy) Reset(seed int64) { s.seed, s.seeded = seed, false }

func (s *runtimeStrategy) Next(c Choice) int {
	if c.Kind == ChooseSlip { // time never slips on the runtime schedule
		return 0
	}
	if c.Kind != ChooseGoroutine { // select cases and map orders: at random, as Go
		if !s.seeded {
			s.rng.reset(s.seed)
			s.seeded = true
		}
		return s.rng.IntN(c.N)
	}
	return 0
}

// seededRand is a strategy's random source, reseeded for every run without
// allocating: the same numbers as rand.New(rand.NewPCG(seed, 0x5ca1ab1e)).
type seededRand struct {
	*rand.Rand
	pcg rand.PCG
}

func (s *seededRand) reset(seed int64) {
	s.pcg.Seed(uint64(seed), 0x5ca1ab1e)
	if s.Rand == nil {
		s.Rand = rand.New(&s.pcg)
	}
}
