package timeline

import (
	"strconv"

	"lanes/sim/trace"
)

// Folding identical goroutines.
//
// Goroutines of one kind are those started by the same go statement (same
// line) running the same function. When a kind has more than Options.Fold
// goroutines, its first foldKeep keep their own lanes and the rest fold
// into one group lane, labelled "×997 query (line 30)", which draws how
// many of its members are running, runnable, blocked and sleeping over
// time as a stacked chart. Options.Expand lists kinds (by Lane.Key) shown
// one lane per goroutine for their first expandKeep (40) goroutines; the
// rest of an expanded kind stays folded (Lane.Expanded), so a thousand
// goroutines never make a 5,000 px picture.

const (
	defaultFold = 10 // a kind with more goroutines than this folds
	foldKeep    = 3  // goroutines of a folded kind that keep their own lane
	groupRows   = 3  // a group lane is this many lanes high
	expandKeep  = 40 // goroutines of an expanded kind with their own lane
)

// kindKey is the key of a goroutine's kind: "name@line".
func kindKey(g *trace.Goroutine) string {
	name := g.Func
	if name == "" {
		name = g.Name
	}
	return name + "@" + strconv.Itoa(int(g.Line))
}

// foldPlan says, for each goroutine (by index in gs), the folded kind it
// belongs to (an index into the returned keys) or -1 for its own lane.
func foldPlan(gs []trace.Goroutine, o Options) (groupOf []int, keys []string) {
	groupOf = make([]int, len(gs))
	if o.Fold < 0 {
		for i := range groupOf {
			groupOf[i] = -1
		}
		return groupOf, nil
	}
	count := map[string]int{}
	for i := range gs {
		count[kindKey(&gs[i])]++
	}
	expand := map[string]bool{}
	for _, k := range o.Expand {
		expand[k] = true
	}
	seen := map[string]int{}
	index := map[string]int{}
	for i := range gs {
		g := &gs[i]
		k := kindKey(g)
		seen[k]++
		keep := foldKeep
		if expand[k] {
			keep = expandKeep
		}
		if g.Parent == trace.NoGoroutine || count[k] <= o.Fold || seen[k] <= keep {
			groupOf[i] = -1
			continue
		}
		j, ok := index[k]
		if !ok {
			j = len(keys)
			index[k] = j
			keys = append(keys, k)
		}
		groupOf[i] = j
	}
	return groupOf, keys
}

// Stack state indices: the order of a group lane's stacked chart, from
// the base up.
const (
	stRunning = iota
	stRunnable
	stBlocked
	stSleeping
	stackStates
)

// StackPoint is one step of a group lane's stacked chart: from X on,
// N[i] members are in state i (running, runnable, blocked, sleeping).
type StackPoint struct {
	X   float64
	Seq int
	N   [stackStates]int32
}

// Total is how many members are alive at the point.
func (p StackPoint) Total() int32 {
	var n int32
	for _, v := range p.N {
		n += v
	}
	return n
}

func stackIndex(s trace.State) int {
	switch s {
	case trace.StateRunning:
		return stRunning
	case trace.StateRunnable:
		return stRunnable
	case trace.StateBlocked:
		return stBlocked
	case trace.StateSleeping:
		return stSleeping
	}
	return -1
}

// stack moves a member of a group lane from state old to state now.
func (l *layouter) stack(g trace.GoID, old, now trace.State, seq int, x float64) {
	ln := &l.d.Lanes[l.laneOf[g]]
	var p StackPoint
	if n := len(ln.Stack); n > 0 {
		p = ln.Stack[n-1]
	}
	if i := stackIndex(old); i >= 0 {
		p.N[i]--
	}
	if i := stackIndex(now); i >= 0 {
		p.N[i]++
	}
	switch now {
	case trace.StateDone:
		ln.Done++
	case trace.StateKilled, trace.StateLeaked:
		ln.Cut++
	}
	p.X, p.Seq = x, seq
	if n := len(ln.Stack); n > 1 && x-ln.Stack[n-1].X < minPx {
		ln.Stack[n-1].N, ln.Stack[n-1].Seq = p.N, seq // the same pixel: the latest counts
	} else {
		ln.Stack = append(ln.Stack, p)
	}
	ln.StackMax = max(ln.StackMax, p.Total())
}

// groupLabel names a folded kind: "×997 query (line 30)".
func groupLabel(g *trace.Goroutine, members int) string {
	s := "×" + strconv.Itoa(members) + " " + g.Name
	if g.Line > 0 {
		s += " (line " + strconv.Itoa(int(g.Line)) + ")"
	}
	return s
}
