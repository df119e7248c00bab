package sim

import (
	"fmt"
	"strings"

	"lanes/sim/trace"
)

// ChoiceKind says what a Choice is about.
type ChoiceKind uint8

const (
	// ChooseGoroutine: which goroutine runs next.
	ChooseGoroutine ChoiceKind = iota
	// ChooseSelect: which of several ready select cases proceeds (Go picks
	// uniformly at random).
	ChooseSelect
	// ChooseMapOrder: in which order a range over a map visits its entries
	// (Go starts at a random place; see Range).
	ChooseMapOrder
	// ChooseSlip: whether time slips now (option 1) or not (option 0): the
	// clock jumps to the next timer and fires every timer due then, while
	// goroutines could still run. Asked, under exploring strategies only,
	// at every scheduling point where a timer is pending, before
	// ChooseGoroutine, and again after each slip.
	ChooseSlip
)

// Preemption reports whether taking option i of c is a preemption in the
// sense of preemption bounding (CHESS): switching away from a running
// goroutine that could go on, or letting time slip. Choosing among
// goroutines when the running one blocked, yielded or ended, and choosing a
// select case, are not.
func (c Choice) Preemption(i int) bool {
	switch c.Kind {
	case ChooseGoroutine:
		return c.Running && i != 0
	case ChooseSlip:
		return i == 1
	}
	return false
}

// Choice is one scheduling decision with N > 1 options.
type Choice struct {
	Kind ChoiceKind
	N    int
	// Goroutines lists the candidates for ChooseGoroutine in Go's order:
	// the running goroutine first when Running (it may simply continue),
	// then the run-next slot, then the run queue. For ChooseSlip they are
	// the goroutines that could run if time does not slip, in the same
	// order (a ChooseGoroutine among them follows at once when there are
	// two or more). Set only for strategies that look at them (Manual,
	// Follow); valid only during the call to Next.
	Goroutines []trace.GoID
	Running    bool
	// Cases lists, for ChooseSelect, the indices (in source order, the
	// default left out) of the ready cases option i picks from; Line is
	// the select statement's line, and User says it is the program's own
	// select (not one inside a mirror, like context's). Valid only during
	// the call to Next.
	Cases []int
	Line  int32
	User  bool
	Step  int        // how many choices were made before this one
	Now   trace.Time // virtual time
}

// Strategy decides who runs next. Next returns an index in [0, c.N).
// Reset is called once at the start of every run with the run's seed.
//
// Option 0 is always what Go's scheduler on one P would do (the running
// goroutine goes on; then the run-next slot, then the queue; no time slip),
// so a strategy that always answers 0 runs the runtime schedule.
//
// The world a strategy explores depends on it: the runtime strategy sees
// only Go's scheduling points on one P (synchronisation operations, which
// may block), as GOMAXPROCS=1 does; every other strategy (random, PCT,
// exhaustive, Replay, Manual) sees the wider world of parallel goroutines:
// every statement (sim.Step, and any step point a twin adds) is a
// possible switch, and time may slip (ChooseSlip).
type Strategy interface {
	Name() string
	Reset(seed int64)
	Next(c Choice) int
}

// StrategyNames returns the names of the strategies NewStrategy knows, the
// default first: "runtime", "random", "pct". The slice is the caller's own.
func StrategyNames() []string { return []string{"runtime", "random", "pct"} }

// ExploreStrategyNames returns the strategies Explore knows
// (ExploreOptions.Strategy), its default first: "random", "pct",
// "exhaustive". The slice is the caller's own.
func ExploreStrategyNames() []string { return []string{"random", "pct", "exhaustive"} }

// NewStrategy returns the strategy named by one of StrategyNames; "" is the
// default, runtime.
func NewStrategy(name string) (Strategy, error) {
	switch name {
	case "", "runtime":
		return Runtime(), nil
	case "random":
		return Random(), nil
	case "pct":
		return PCT(3), nil
	}
	return nil, fmt.Errorf("unknown strategy %q (want %s)", name, orList(StrategyNames()))
}

// orList joins names as "a, b or c".
func orList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
