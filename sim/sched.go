package sim

import (
	"runtime"
	"slices"

	"lanes/sim/trace"
)

// G is a simulated goroutine.
type G struct {
	id       trace.GoID
	nextCall string // the call of the next goroutine it starts through a mirror (see NextCall)
	r        *run
	fn       func()
	wake     chan struct{}
	state    trace.State
	exited   bool // its real goroutine has returned
	killing  bool // being unwound at the end of the run

	blockObj  trace.ObjID
	blockWhat string
	blockLine int32

	line      int32 // last statement (Step)
	exact     bool  // set by StepAt: every operation until the next Step is at line
	deferLine int32 // set by DeferLine for the next operation
	panicking bool
	// wakePending: readied while still running; the next block returns at once.
	wakePending bool
	quiet       bool   // its events are not recorded (see Quiet)
	access      string // the shared-variable access it is at ("read n"), during its scheduling point
	vc          vclock // its vector clock, for the race detector (race.go)
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
			tg.Call, parent.nextCall = parent.nextCall, ""
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
		r.goexit(g, recover(), returned)
	}()
	g.fn()
	returned = true
}

// goexit ends g: normally, by runtime.Goexit, by a panic, or unwound. It
// marks g exited before the run can look at it again (a handoff or finish),
// so that finishRun never waits for a goroutine that has returned.
func (r *run) goexit(g *G, p any, returned bool) {
	if g.killing {
		g.exited = true
		r.ack <- struct{}{}
		return
	}
	// Ending the program is not instantaneous on real Go: other goroutines,
	// on other processors, may still print while main returns or a panic
	// unwinds into a crash. The strategy may run them first.
	if (p != nil || (g.id == 1 && returned)) && r.exitPoint(g) {
		g.exited = true
		r.ack <- struct{}{}
		return
	}
	g.exited = true
	r.live--
	if p != nil {
		r.crash(g, p)
		return
	}
	r.setState(g, trace.StateDone, trace.NoObject, "")
	if g.id == 1 && returned {
		r.finish(trace.ExitOK, 0, "")
		return
	}
	r.schedule()
}

// exitPoint is the scheduling point before g ends the program. It reports
// whether g was killed meanwhile (another goroutine ended the program).
func (r *run) exitPoint(g *G) (killed bool) {
	next := r.pick(g)
	if next == nil || next == g {
		return false
	}
	r.setState(g, trace.StateRunnable, trace.NoObject, "")
	r.runq = append(r.runq, g)
	r.handoff(next)
	<-g.wake
	return g.killing
}

// setState records a state change of g.
func (r *run) setState(g *G, s trace.State, obj trace.ObjID, what string) {
	g.state = s
	if r.rec && !r.opts.Light {
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

// pick asks the strategy who runs next among the runnable goroutines, in
// Go's order: running (if not nil: the goroutine at a scheduling point, which
// may simply continue), then the run-next slot, then the queue. It returns
// nil when there is no runnable goroutine besides running. The candidates
// are not materialised unless the strategy looks at them (PCT, Manual), so
// a choice among a thousand goroutines costs no more than among three.
func (r *run) pick(running *G) *G {
	if r.wide && r.timers.Len() > 0 && !r.afterlife {
		r.slips(running)
		if r.ended { // a timer firing reached the step limit
			if g := r.cur; g != nil && !g.exited {
				parkForever(g)
			}
			return nil
		}
	}
	n := len(r.runq)
	if r.next != nil {
		n++
	}
	if n == 0 {
		return nil
	}
	at := func(i int) *G {
		if running != nil {
			if i == 0 {
				return running
			}
			i--
		}
		if r.next != nil {
			if i == 0 {
				return r.next
			}
			i--
		}
		return r.runq[i]
	}
	if running != nil {
		n++
	}
	if n == 1 || r.afterlife {
		return at(0)
	}
	c := Choice{Kind: ChooseGoroutine, N: n, Running: running != nil}
	if r.wantIDs {
		ids := r.idbuf[:0]
		for i := 0; i < n; i++ {
			ids = append(ids, at(i).id)
		}
		r.idbuf = ids
		c.Goroutines = ids
	}
	return at(r.decide(c))
}

// slips lets time slip while the strategy says so (ChooseSlip): each slip
// moves the clock to the next timer and fires every timer due then, as if
// the machine had been slow. Timers ready goroutines in Go's order (the
// last one readied takes run next), so slips in a row at one scheduling
// point fire several timers at once, as on a loaded machine.
func (r *run) slips(running *G) {
	for r.timers.Len() > 0 && !r.ended && r.decide(r.slipChoice(running)) == 1 {
		from, was := r.now, r.clock
		r.now, r.clock = r.timers[0].when, true
		r.event(trace.Event{Kind: trace.KindTimeSlip, Delta: int64(r.now - from)})
		r.tr.Outcome.Slips++ // counted in a light run too, which records no events
		r.clock = was
		r.advance()
	}
}

// slipChoice is the choice whether time slips at a scheduling point where
// running (nil: none) could go on. For a strategy that looks at the
// candidates (Manual, Follow) it lists the goroutines that could run if
// time does not slip, as the ChooseGoroutine that may follow would.
func (r *run) slipChoice(running *G) Choice {
	c := Choice{Kind: ChooseSlip, N: 2}
	if !r.wantIDs {
		return c
	}
	ids := r.idbuf[:0]
	if running != nil {
		ids = append(ids, running.id)
	}
	if r.next != nil {
		ids = append(ids, r.next.id)
	}
	for _, g := range r.runq {
		ids = append(ids, g.id)
	}
	r.idbuf, c.Goroutines, c.Running = ids, ids, running != nil
	return c
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
	r.turnStart = r.steps
	r.setState(next, trace.StateRunning, trace.NoObject, "")
	next.wake <- struct{}{}
}

// schedule gives the turn to the next runnable goroutine, advancing the
// clock if none is, or ends the program when nothing can ever run again.
// The calling goroutine (if any) must then park or return.
func (r *run) schedule() {
	for !r.ended {
		if next := r.pick(nil); next != nil {
			r.handoff(next)
			return
		}
		if r.timers.Len() > 0 {
			r.advance()
			continue
		}
		r.deadlock()
	}
}

// chooseCase asks the strategy which of the ready select cases (their
// indices in source order) proceeds: the one at the index it returns. line
// is the select's, user says the program wrote it (not a mirror).
func (r *run) chooseCase(ready []int, line int32, user bool) int {
	if len(ready) <= 1 || r.afterlife {
		return 0
	}
	return r.decide(Choice{Kind: ChooseSelect, N: len(ready), Cases: ready, Line: line, User: user})
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
	g := r.cur
	if next := r.pick(g); next != nil && next != g {
		r.preempt(g, next)
	}
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
	if next := r.pick(nil); next != nil {
		r.preempt(r.cur, next)
	}
}
