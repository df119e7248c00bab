package sim

import "lanes/sim/trace"

// PCT returns probabilistic concurrency testing with the given depth
// (Burckhardt et al., ASPLOS 2010): every goroutine gets a random priority
// when first seen, the highest-priority runnable goroutine always runs, and
// at depth-1 randomly chosen decisions the running goroutine drops to the
// lowest priority. A bug that needs d ordering constraints is found with
// probability at least 1/(n·k^(d-1)) per run, k being the number of
// decisions; the change points are drawn among the first 64. Time slips
// (ChooseSlip) at one in pctSlip of the points where it may. Every run
// depends only on its seed, so a seed found by Explore reproduces in a
// fresh run.
func PCT(depth int) Strategy {
	if depth < 1 {
		depth = 1
	}
	return &pctStrategy{depth: depth}
}

// pctSteps is the range the change points are drawn from.
const pctSteps = 64

// pctSlip: PCT lets time slip at one in pctSlip of the points where it
// may, so that most of its runs keep timers on time while priorities
// reorder goroutines.
const pctSlip = 32

type pctStrategy struct {
	depth  int
	rng    seededRand
	prio   map[trace.GoID]int
	change map[int]bool
	low    int
}

func (s *pctStrategy) Name() string { return "pct" }

func (s *pctStrategy) Reset(seed int64) {
	s.rng.reset(seed)
	if s.prio == nil {
		s.prio, s.change = map[trace.GoID]int{}, map[int]bool{}
	}
	clear(s.prio)
	clear(s.change)
	for i := 1; i < s.depth; i++ {
		s.change[s.rng.IntN(pctSteps)] = true
	}
	s.low = 0
}

func (s *pctStrategy) Next(c Choice) int {
	switch c.Kind {
	case ChooseSelect, ChooseMapOrder:
		return s.rng.IntN(c.N)
	case ChooseSlip:
		if s.rng.IntN(pctSlip) == 0 {
			return 1
		}
		return 0
	}
	for _, g := range c.Goroutines {
		if _, ok := s.prio[g]; !ok {
			s.prio[g] = s.depth + s.rng.IntN(1<<30)
		}
	}
	if c.Running && s.change[c.Step] {
		s.low--
		s.prio[c.Goroutines[0]] = s.low
	}
	best := 0
	for i, g := range c.Goroutines {
		if s.prio[g] > s.prio[c.Goroutines[best]] {
			best = i
		}
	}
	return best
}

func (s *pctStrategy) needsGoroutines() {}
