package sim

// Random returns the strategy that picks at random at every decision. At
// each run (from its seed) it draws how restless it is: at a scheduling
// point where the running goroutine could go on, it picks uniformly among
// every runnable goroutine (including the running one) with probability
// 1, 1/2, 1/4, … or 1/32, and otherwise lets the running goroutine go on;
// where time may slip, it slips with probability 1/2, 1/4, … or 1/64.
// Elsewhere (after a goroutine blocked or ended, among ready select cases)
// it picks uniformly. Runs that rarely switch reach outcomes that need one
// goroutine to get far on its own; runs that often do, fine interleavings.
func Random() Strategy { return &randomStrategy{} }

// randomLevels is how many switch and slip rates Random draws from.
const randomLevels = 6

type randomStrategy struct {
	rng                seededRand
	switchLog, slipLog int // switch with probability 2^-switchLog, slip with 2^-slipLog
}

func (s *randomStrategy) Name() string { return "random" }

func (s *randomStrategy) Reset(seed int64) {
	s.rng.reset(seed)
	s.switchLog = s.rng.IntN(randomLevels)
	s.slipLog = 1 + s.rng.IntN(randomLevels)
}

// chance is true with probability 2^-log.
func (s *randomStrategy) chance(log int) bool { return s.rng.Uint64()&(1<<log-1) == 0 }

func (s *randomStrategy) Next(c Choice) int {
	switch {
	case c.Kind == ChooseSlip:
		if s.chance(s.slipLog) {
			return 1
		}
		return 0
	case c.Kind == ChooseGoroutine && c.Running && !s.chance(s.switchLog):
		return 0
	}
	return s.rng.IntN(c.N)
}
