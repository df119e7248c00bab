package sim

import (
	"time"

	"lanes/sim/trace"
)

// Go's runtime preempts a goroutine that has run for 10 ms without
// blocking (sysmon's forced preemption, asynchronous since Go 1.14): it
// goes to the back of the queue, and the next runnable goroutine runs. A
// goroutine spinning on an atomic flag set by another goroutine
// (for !done.Load() {}) therefore ends on real Go even at GOMAXPROCS=1.
//
// The simulator measures a goroutine's time on the CPU in steps: one that
// has taken sysmonSteps steps since it got the turn has used a time slice
// of sysmonSlice. Its slice then costs virtual time (the clock moves on by
// sysmonSlice, firing every timer due meanwhile: the spinner's sleeping
// partner wakes), and it is preempted as Go preempts it. This holds in
// both worlds and is no choice of the strategy (not a preemption in the
// sense of preemption bounding): it is what the runtime does on its own.
// A program whose goroutines never run that long is unaffected.
const (
	sysmonSteps = 20_000
	sysmonSlice = trace.Time(10 * time.Millisecond)
)

// sysmon is the forced preemption of g, the running goroutine, which has
// used its time slice.
func (r *run) sysmon(g *G) {
	r.turnStart = r.steps
	r.pass(sysmonSlice)
	if r.ended {
		parkForever(g)
	}
	if next := r.pick(nil); next != nil {
		r.preempt(g, next)
	}
}

// pass moves the clock on by d while the running goroutine computes,
// firing the timers due meanwhile in their order.
func (r *run) pass(d trace.Time) {
	to := after(r.now, d)
	for r.timers.Len() > 0 && r.timers[0].when <= to && !r.ended {
		r.advance()
	}
	r.now = to
}
