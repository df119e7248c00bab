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
)

// Choice is one scheduling decision with N > 1 options.
type Choice struct {
	Kind ChoiceKind
	N    int
	// Goroutines lists the candidates for ChooseGoroutine in Go's order:
	// the running goroutine first when Running (it may simply continue),
	// then the run-next slot, then the run queue.
	Goroutines []trace.GoID // valid only during the call to Next
	Running    bool
	Step       int        // how many choices were made before this one
	Now        trace.Time // virtual time
}

// Strategy decides who runs next. Next returns an index in [0, c.N).
// Reset is called once at the start of every run with the run's seed.
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
