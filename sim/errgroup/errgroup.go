// Package errgroup mirrors golang.org/x/sync/errgroup (v0.25.0) for
// simulated programs: a Group runs tasks in goroutines, Wait waits for all
// of them and returns the first non-nil error.
//
// Behaviour follows x/sync exactly: the zero Group is valid and does not
// cancel anything; WithContext's context is cancelled, with the error as its
// cause, by the first task that fails and in any case when Wait returns; Go
// blocks while SetLimit's limit of active tasks is reached, TryGo returns
// false instead; SetLimit panics while tasks are active; a panic in a task
// is not passed to Wait: it crashes the program like any panic.
//
// The group shows on the timeline as an object of kind errgroup: its
// counter (tasks not yet finished) like a WaitGroup's, and a slot taken and
// freed (acquire/release, value = active tasks) per task when a limit is set.
package errgroup

import (
	gofmt "fmt"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/trace"
)

// A Group is a collection of goroutines working on subtasks of one task.
type Group struct {
	o       sim.Obj
	cancel  func(error)
	n       int64
	waiters []*sim.G
	limit   int
	active  int
	goq     []*sim.G // blocked in Go at the limit
	errSet  bool
	err     error
	limited bool
}

func (g *Group) use(op sim.Op) trace.ObjID {
	id, fresh := g.o.UseFor(g, trace.ObjGroup, op.Line, int64(g.limit))
	if fresh {
		g.n, g.waiters, g.active, g.goq = 0, nil, 0, nil
	}
	return id
}

// WithContext returns a new Group and a context derived from ctx, cancelled
// the first time a task returns a non-nil error or the first time Wait
// returns, whichever happens first.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	sim.CallNamed(ctx, "errgroup.WithContext")
	return &Group{cancel: cancel}, ctx
}

// Wait blocks until every task started with Go has returned, then returns
// the first non-nil error (if any) from them.
func (g *Group) Wait() error {
	op, ok := sim.Begin()
	if !ok {
		return g.err
	}
	id := g.use(op)
	op.Event(trace.Event{Kind: trace.KindWGWait, Obj: id, Value: g.n})
	for g.n != 0 {
		g.waiters = append(g.waiters, op.G())
		op.Block(id, "errgroup.Group.Wait")
	}
	op.Acquire(id, sim.SlotMain)
	op.Event(trace.Event{Kind: trace.KindWGReturn, Obj: id})
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

// Go calls f in a new goroutine, blocking first while the limit of active
// tasks is reached. The first call to return a non-nil error cancels the
// group's context, if any; its error will be returned by Wait.
func (g *Group) Go(f func() error) {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := g.use(op)
	if g.limited {
		for g.active >= g.limit {
			g.goq = append(g.goq, op.G())
			op.Block(id, "errgroup.Group.Go (limit)")
		}
	}
	g.start(op, id, f)
}

// TryGo calls f in a new goroutine only if the limit of active tasks is not
// reached, and reports whether it did.
func (g *Group) TryGo(f func() error) bool {
	op, ok := sim.Begin()
	if !ok {
		return false
	}
	id := g.use(op)
	if g.limited && g.active >= g.limit {
		return false
	}
	g.start(op, id, f)
	return true
}

func (g *Group) start(op sim.Op, id trace.ObjID, f func() error) {
	if g.limited {
		op.Acquire(id, sim.SlotReader)
		g.active++
		op.Event(trace.Event{Kind: trace.KindAcquire, Obj: id, Delta: 1, Value: int64(g.active)})
	}
	g.n++
	op.Event(trace.Event{Kind: trace.KindWGAdd, Obj: id, Delta: 1, Value: g.n})
	sim.Go(sim.FuncName(f), func() {
		defer g.done()
		defer sim.Unmark() // f may panic in a statement marked by sim.StepAt
		if err := f(); err != nil && !g.errSet {
			g.errSet, g.err = true, err
			if g.cancel != nil {
				g.cancel(err)
			}
		}
	})
}

// done is deferred by every task: it frees the task's slot and counts it out.
func (g *Group) done() {
	op, ok := sim.Begin()
	if !ok {
		return
	}
	id := g.use(op)
	// x/sync's done receives from the limit's channel (the k-th receive
	// happens before the (k+C)-th Go's send) and calls the WaitGroup's Done
	// (which happens before Wait returns).
	op.Release(id, sim.SlotMain)
	op.Release(id, sim.SlotReader)
	if g.limited {
		g.active--
		op.Event(trace.Event{Kind: trace.KindRelease, Obj: id, Delta: 1, Value: int64(g.active)})
		if len(g.goq) > 0 {
			next := g.goq[0]
			g.goq = g.goq[1:]
			sim.Ready(next)
		}
	}
	g.n--
	op.Event(trace.Event{Kind: trace.KindWGAdd, Obj: id, Delta: -1, Value: g.n})
	if g.n == 0 {
		for _, w := range g.waiters {
			sim.Ready(w)
		}
		g.waiters = nil
	}
}

// SetLimit limits the number of active tasks to at most n; a negative n
// removes the limit. It panics if tasks are active.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.limited, g.limit = false, 0
		return
	}
	if g.active != 0 && g.o.ID() != trace.NoObject {
		panic(gofmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", g.active))
	}
	g.limited, g.limit = true, n
}
