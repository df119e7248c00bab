package sim

import (
	"runtime"
	"slices"

	"lanes/sim/trace"
)

// G is a simulated goroutine.
type G struct {
	id      trace.GoID
	r       *run
	fn      func()
	wake    chan struct{}
	state   trace.State
	exited  bool // its real goroutine has returned
	killing bool // being unwound at the end of the run

	blockObj  trace.ObjID
	blockWhat string
	blockLine int32

	line      int32 // last statement (Step)
	deferLine int32 // set by DeferLine for the next operation
	panicking bool
	// wakePending: readied while still running; the next block returns at once.
	wakePending bool
	quiet       bool // its events are not recorded (see Quiet)
}

// ID returns the goroutine's id in the trace.
func (g *G) ID() trace.GoID { return g.id }

func (r *run) newG(name string, parent *G, line int32, fn func()) *G {
	g := &G{id: trace.GoID(len(r.gs) + 1), r: r, fn: fn, wake: make(chan struct{}, 1)}
	r.gs = append(r.gs, g)
	if r.rec {
		tg := trace.Goroutine{ID: g.id, Name: name, Line: line}
		if parent != nil {
			tg.Parent = parent.id
		}
		r.tr.Goroutines = append(r.tr.Goroutines, tg)
	}
	r.live++
	if r.live > r.peak && r.rec {
		r.peak = r.live
	}
	go g.body()
	return g
}

// body is the real goroutine behind g.
func (g *G) body() {
	<-g.wake
	r := g.r
	if g.killing {
		g.exited = true
		r.ack <- struct{}{}
		return
	}
	returned := false
	defer func() {
		p := recover()
		g.exited = true
		r.goexit(g, p, returned)
	}()
	g.fn()
	returned = true
}

// goexit ends g: normally, by runtime.Goexit, by a panic, or unwound.
func (r *run) goexit(g *G, p any, returned bool) {
	if g.killing {
		r.ack <- struct{}{}
		return
	}
	if p != nil {
		r.live--
		r.crash(g, p)
		return
	}
	r.setState(g, trace.StateDone, trace.NoObject, "")
	r.live--
	if g.id == 1 && returned {
		r.finish(trace.ExitOK, 0, "")
		return
	}
	r.schedule()
}

// setState records a state change of g.
func (r *run) setState(g *G, s trace.State, obj trace.ObjID, what string) {
	g.state = s
	if r.rec {
		r.tr.Events = append(r.tr.Events, trace.Event{
			Seq: int32(len(r.tr.Events)), Time: r.now, G: g.id, Kind: trace.KindState,
			State: s, Obj: obj, Text: what, Line: g.blockLine,
		})
	}
}

// ready makes g runnable and puts it in the run-next slot, as Go does for a
// goroutine just created or woken; the previous occupant goes to the queue.
func (r *run) ready(g *G) {
	if !g.state.Alive() && g.state != trace.StateNone {
		return
	}
	if g.state == trace.StateRunning || g.state == trace.StateRunnable {
		g.wakePending = true // readied before it blocked (sync.Cond): its block returns at once
		return
	}
	r.setState(g, trace.StateRunnable, trace.NoObject, "")
	if r.next != nil {
		r.runq = append(r.runq, r.next)
	}
	r.next = g
}

// candidates lists the runnable goroutines in Go's order.
func (r *run) candidates() []*G {
	c := r.scratch[:0]
	if r.next != nil {
		c = append(c, r.next)
	}
	return append(c, r.runq...)
}

// take removes g from the runnable set.
func (r *run) take(g *G) {
	if r.next == g {
		r.next = nil
		return
	}
	if i := slices.Index(r.runq, g); i >= 0 {
		r.runq = slices.Delete(r.runq, i, i+1)
	}
}

// handoff gives the turn to next. The caller has already left Running.
func (r *run) handoff(next *G) {
	r.take(next)
	r.cur = next
	r.setState(next, trace.StateRunning, trace.NoObject, "")
	next.wake <- struct{}{}
}

// schedule gives the turn to the next runnable goroutine, advancing the
// clock if none is, or ends the program when nothing can ever run again.
// The calling goroutine (if any) must then park or return.
func (r *run) schedule() {
	for !r.ended {
		if c := r.candidates(); len(c) > 0 {
			r.handoff(c[r.chooseG(c, false)])
			return
		}
		if r.timers.Len() > 0 {
			r.advance()
			continue
		}
		r.deadlock()
	}
}

// chooseG asks the strategy which of gs runs next; running says gs[0] is
// the running goroutine, which may continue.
func (r *run) chooseG(gs []*G, running bool) int {
	if len(gs) <= 1 || r.afterlife {
		return 0
	}
	ids := r.idbuf[:0]
	for _, g := range gs {
		ids = append(ids, g.id)
	}
	r.idbuf = ids
	return r.decide(Choice{Kind: ChooseGoroutine, N: len(gs), Goroutines: ids, Running: running})
}

// chooseCase asks the strategy which of n ready select cases proceeds.
func (r *run) chooseCase(n int) int {
	if n <= 1 || r.afterlife {
		return 0
	}
	return r.decide(Choice{Kind: ChooseSelect, N: n})
}

func (r *run) decide(c Choice) int {
	c.Step, c.Now = len(r.tr.Choices), r.now
	i := r.strat.Next(c)
	if i < 0 || i >= c.N {
		i = 0
	}
	r.tr.Choices = append(r.tr.Choices, i)
	return i
}

// park blocks the running goroutine (whose state the caller has set) until
// another goroutine or the clock readies it.
func (r *run) park() {
	g := r.cur
	r.schedule()
	<-g.wake
	if g.killing {
		runtime.Goexit()
	}
}

// block records that the running goroutine blocks on obj (what, e.g.
// "chan receive") and parks it.
func (r *run) block(state trace.State, obj trace.ObjID, what string, line int32) {
	g := r.cur
	if g.wakePending {
		g.wakePending = false
		return
	}
	g.blockObj, g.blockWhat, g.blockLine = obj, what, line
	r.setState(g, state, obj, what)
	r.park()
}

// parkForever stops g, which has just ended the program, for good; it is
// unwound by finishRun. g must be read before finish: after it, finishRun
// owns the run.
func parkForever(g *G) {
	<-g.wake
	runtime.Goexit()
}

// yield is the scheduling point before an operation: the strategy may hand
// the turn to another runnable goroutine.
func (r *run) yield() {
	if r.next == nil && len(r.runq) == 0 {
		return
	}
	g := r.cur
	c := append(append(r.scratch[:0], g), r.next)
	if r.next == nil {
		c = c[:1]
	}
	c = append(c, r.runq...)
	r.scratch = c
	i := r.chooseG(c, true)
	if i == 0 {
		return
	}
	r.preempt(g, c[i])
}

// preempt moves g to the back of the queue and gives the turn to next.
func (r *run) preempt(g, next *G) {
	r.setState(g, trace.StateRunnable, trace.NoObject, "")
	r.runq = append(r.runq, g)
	r.handoff(next)
	<-g.wake
	if g.killing {
		runtime.Goexit()
	}
}

// gosched is runtime.Gosched: the running goroutine goes to the back of the
// queue and the first in Go's order runs (the strategy may pick another).
func (r *run) gosched() {
	c := r.candidates()
	if len(c) == 0 {
		return
	}
	g := r.cur
	r.preempt(g, c[r.chooseG(c, false)])
}
