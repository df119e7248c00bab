package sim

// Replay returns the strategy that repeats recorded choices (a trace's
// Choices) and takes the first option once they run out.
func Replay(choices []int) Strategy { return &replayStrategy{choices: choices} }

type replayStrategy struct {
	choices []int
	i       int
}

func (s *replayStrategy) Name() string { return "replay" }
func (s *replayStrategy) Reset(int64)  { s.i = 0 }
func (s *replayStrategy) Next(Choice) int {
	if s.i >= len(s.choices) {
		return 0
	}
	s.i++
	return s.choices[s.i-1]
}

// Manual returns the strategy that asks pick at every decision (with the
// candidates' goroutine ids). pick is called with the turn held, on the
// real goroutine that reached the decision, so it may block while someone
// chooses (but every other run waits meanwhile: the scheduler game uses
// RunScheduled instead, which never blocks). It sees the wider world, and
// its run replays from its Trace.Choices.
func Manual(pick func(Choice) int) Strategy { return &manualStrategy{pick: pick} }

type manualStrategy struct{ pick func(Choice) int }

func (s *manualStrategy) Name() string      { return "manual" }
func (s *manualStrategy) Reset(int64)       {}
func (s *manualStrategy) Next(c Choice) int { return s.pick(c) }

func (s *manualStrategy) needsGoroutines() {}
