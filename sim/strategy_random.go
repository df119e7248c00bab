package sim

// Random returns the strategy that picks uniformly among the options at
// every decision: any runnable goroutine (including the running one) at
// every scheduling point, any ready case in a select, and whether time
// slips (even odds) wherever it may.
func Random() Strategy { return &randomStrategy{} }

type randomStrategy struct{ rng seededRand }

func (s *randomStrategy) Name() string     { return "random" }
func (s *randomStrategy) Reset(seed int64) { s.rng.reset(seed) }
func (s *randomStrategy) Next(c Choice) int {
	return s.rng.IntN(c.N)
}
