package sim

import "math/rand/v2"

// Runtime returns the strategy that mimics Go's scheduler on one P: the
// running goroutine runs on until it blocks; then the goroutine in the
// run-next slot (the one most recently spawned or woken) runs, then the
// oldest in the queue. Ready select cases are picked at random from the
// seed, as Go picks them at random.
func Runtime() Strategy { return &runtimeStrategy{} }

type runtimeStrategy struct{ rng *rand.Rand }

func (s *runtimeStrategy) Name() string { return "runtime" }

func (s *runtimeStrategy) Reset(seed int64) { s.rng = newRand(seed) }

func (s *runtimeStrategy) Next(c Choice) int {
	if c.Kind == ChooseSelect {
		return s.rng.IntN(c.N)
	}
	return 0
}

func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x5ca1ab1e))
}
