package sim

import (
	"slices"

	"lanes/sim/trace"
)

// This file is the scheduler game's side of the simulator ("you are the
// scheduler"): a run the reader schedules by hand is a prefix of choices
// (the recorded choices are the replay), and each reader's pick adds to
// it. Nothing blocks while the reader thinks: every pick re-runs the
// program from the start, which is deterministic.

// Follow returns the strategy that repeats choices (a prefix of a run's
// Trace.Choices) and then hands every decision to then: Runtime() for
// "let the runtime decide from here", Random() for "random from here"
// (seeded by the run's seed); nil answers option 0 (the runtime's
// choice) everywhere after the prefix, which is Replay(choices). It
// always sees the wider world (preemption at statements, time slips), so
// any run of it replays with Replay(its Trace.Choices).
func Follow(choices []int, then Strategy) Strategy {
	return &followStrategy{choices: choices, then: then, afterSlip: -1}
}

type followStrategy struct {
	choices []int
	then    Strategy
	i       int
	// The reader's decisions seen so far (see Scheduled).
	decisions []int // Step of each reader's decision
	preempts  int   // preemptions taken
	pause     *Pause
	afterSlip int // the Step of a ChooseGoroutine that continues a slip decision (-1: none)
}

func (s *followStrategy) Name() string {
	if s.then != nil {
		return s.then.Name()
	}
	return "replay"
}

func (s *followStrategy) Reset(seed int64) {
	s.i, s.decisions, s.preempts, s.pause, s.afterSlip = 0, s.decisions[:0], 0, nil, -1
	if s.then != nil {
		s.then.Reset(seed)
	}
}

func (s *followStrategy) needsGoroutines() {}

func (s *followStrategy) Next(c Choice) int {
	reader := readerDecision(c)
	if c.Kind == ChooseGoroutine && s.afterSlip == c.Step {
		reader = false // the same pick as the slip decision just before it
	}
	if reader && s.pause == nil && c.Step >= len(s.choices) {
		s.pause = newPause(c)
	}
	var i int
	switch {
	case s.i < len(s.choices):
		i = s.choices[s.i]
		s.i++
	case s.then != nil:
		i = s.then.Next(c)
	}
	if i < 0 || i >= c.N {
		i = 0
	}
	if reader && s.pause == nil {
		s.decisions = append(s.decisions, c.Step)
	}
	if c.Kind == ChooseSlip && i == 0 && len(c.Goroutines) > 1 {
		s.afterSlip = c.Step + 1
	}
	if c.Preemption(i) && s.pause == nil {
		s.preempts++
	}
	return i
}

// readerDecision reports whether c is one the reader makes in the game:
// which goroutine runs, whether time slips while someone could run, or
// which ready case of the program's own select proceeds. A mirror's
// selects and map orders are not (they take option 0 in the game).
func readerDecision(c Choice) bool {
	return c.Kind == ChooseGoroutine || c.Kind == ChooseSlip && len(c.Goroutines) > 0 ||
		c.Kind == ChooseSelect && c.User
}

// Pause is the reader's decision a scheduled run stopped at: who may run
// now. Running says Goroutines[0] is at a scheduling point and may simply
// go on (picking another is a preemption); Slip that time may slip instead
// (the clock jumps to the next timer although someone could run; a
// preemption too). Select says the running goroutine (Goroutines[0], at
// Lines[0]) is at a select with several ready cases, and Cases which
// (their indices in source order, the default left out): the reader picks
// one (TakeCase), which is no preemption.
type Pause struct {
	Step       int          // choices made before it: Choices[:Step] lead here
	Events     int          // events recorded before it
	Now        trace.Time   // virtual time
	Goroutines []trace.GoID // who may run, in Go's order (the caller's own)
	Running    bool
	Slip       bool
	// Lines are where each of Goroutines is (its last statement; 0: not
	// started yet), and Doing what Goroutines[0] is about to do when
	// Running and that is an access to a shared variable ("read n",
	// "write n"): a switch between the two halves of n++ is a pick too.
	Lines  []int32
	Doing  string
	Select bool
	Cases  []int
}

func newPause(c Choice) *Pause {
	p := &Pause{Step: c.Step, Now: c.Now, Goroutines: slices.Clone(c.Goroutines), Running: c.Running, Slip: c.Kind == ChooseSlip}
	if c.Kind == ChooseSelect {
		p.Select, p.Cases, p.Running, p.Lines = true, slices.Clone(c.Cases), true, []int32{c.Line}
		if r := current; r != nil {
			p.Events = len(r.tr.Events)
			p.Goroutines = []trace.GoID{r.cur.id}
		}
		return p
	}
	if r := current; r != nil {
		p.Events = len(r.tr.Events)
		for _, id := range p.Goroutines {
			g := r.gs[id-1]
			p.Lines = append(p.Lines, g.line)
			if p.Running && g == r.cur {
				p.Doing = g.access
			}
		}
	}
	return p
}

// Take returns the choices that answer p by running g, or by letting time
// slip when g is NoGoroutine (0); false when that is not an option. A run
// that follows Choices[:p.Step] and then these goes on past p.
//
// At a select (Select), running its goroutine takes the first ready case,
// as the runtime's choice would; TakeCase picks another.
func (p *Pause) Take(g trace.GoID) ([]int, bool) {
	if p.Select {
		return []int{0}, len(p.Goroutines) > 0 && g == p.Goroutines[0]
	}
	if g == trace.NoGoroutine {
		return []int{1}, p.Slip
	}
	i := slices.Index(p.Goroutines, g)
	switch {
	case i < 0:
		return nil, false
	case !p.Slip:
		return []int{i}, true
	case len(p.Goroutines) == 1:
		return []int{0}, true // no slip; nobody else could run
	}
	return []int{0, i}, true // no slip, then who runs
}

// TakeCase returns the choices that answer a select pause by proceeding
// with its ready case Cases[i]; false when p is no select or i is out of
// range.
func (p *Pause) TakeCase(i int) ([]int, bool) {
	if !p.Select || i < 0 || i >= len(p.Cases) {
		return nil, false
	}
	return []int{i}, true
}

// Preemption reports whether running g (NoGoroutine: letting time slip)
// at p is a preemption.
func (p *Pause) Preemption(g trace.GoID) bool {
	if p.Select {
		return false
	}
	return g == trace.NoGoroutine || p.Running && len(p.Goroutines) > 0 && p.Goroutines[0] != g
}

// Scheduled is a run the reader schedules: its trace (the whole run, the
// part after Pause as then played it), the decision it stopped at, and
// what the reader spent to get there.
type Scheduled struct {
	Trace *trace.Trace
	// Pause is the first reader's decision after the given choices; nil
	// when the program ended before one.
	Pause *Pause
	// Decisions are the Steps of the reader's decisions before Pause (all
	// of them when the run ended): Undo goes back to the last one.
	Decisions []int
	// Preemptions is how many of the choices before Pause were
	// preemptions (switching away from a goroutine that could go on, or a
	// time slip).
	Preemptions int
}

// RunScheduled runs prog (opts.Strategy is ignored) following choices and
// then then (see Follow), and reports the first reader's decision after
// the choices. A reader plays by answering the Pause (Pause.Take) and
// running again with the longer prefix; Undo runs
// Choices[:Decisions[len(Decisions)-1]].
func RunScheduled(prog func(), opts Options, choices []int, then Strategy) Scheduled {
	f := Follow(choices, then).(*followStrategy)
	opts.Strategy, opts.Narrow = f, false
	tr := Run(prog, opts)
	return Scheduled{Trace: tr, Pause: f.pause, Decisions: slices.Clone(f.decisions), Preemptions: f.preempts}
}
