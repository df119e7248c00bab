package sim

import (
	"container/heap"
	"time"

	"lanes/sim/trace"
)

// timer is a callback the clock runs at a virtual time (periodically if
// period > 0).
type timer struct {
	when   trace.Time
	seq    uint64
	period trace.Time
	fire   func()
	idx    int // index in the heap, -1 when not in it
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i]; h[i].idx = i; h[j].idx = j }
func (h *timerHeap) Push(x any)   { t := x.(*timer); t.idx = len(*h); *h = append(*h, t) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	t.idx = -1
	return t
}

// maxWhen is the latest virtual time a timer can be set for: as Go's
// runtime does (runtime.when), a deadline past it is clamped to it rather
// than overflowing into the past.
const maxWhen = trace.Time(1<<63 - 1)

// after is now+d, clamped to [now, maxWhen].
func after(now, d trace.Time) trace.Time {
	if d <= 0 {
		return now
	}
	if now > maxWhen-d {
		return maxWhen
	}
	return now + d
}

func (r *run) addTimer(t *timer, d trace.Time) {
	r.tseq++
	t.when, t.seq = after(r.now, d), r.tseq
	heap.Push(&r.timers, t)
}

// delTimer removes t; it reports whether t was pending.
func (r *run) delTimer(t *timer) bool {
	if t.idx < 0 {
		return false
	}
	heap.Remove(&r.timers, t.idx)
	return true
}

// advance moves the clock to the earliest timer and fires every timer due
// then, in the order they were set. Firing readies goroutines in Go's
// order: each goes to the run-next slot, pushing the previous one back.
// Every firing is a step: a ticker nobody listens to can keep the clock
// going forever (main blocked for good, or goroutines left after main
// returned), and the step limit, or in the afterlife LeakSteps, ends it.
func (r *run) advance() {
	r.now = r.timers[0].when
	r.firedAt = r.now
	was := r.clock
	r.clock = true
	for r.timers.Len() > 0 && r.timers[0].when <= r.now && !r.ended {
		t := heap.Pop(&r.timers).(*timer)
		if t.period > 0 {
			r.addTimer(t, t.period)
		}
		t.fire()
		r.clockStep()
	}
	r.clock = was
}

// clockStep counts a timer firing against the step limit (LeakSteps in the
// afterlife) and ends the run when it is reached; schedule then stops.
func (r *run) clockStep() {
	if r.afterlife {
		r.afterStep++
		if r.afterStep > r.opts.LeakSteps {
			r.finish(trace.ExitNone, 0, "")
		}
		return
	}
	r.steps++
	if r.steps > r.opts.StepLimit {
		r.finish(trace.ExitStepLimit, 2, stepLimitStderr(r.opts.StepLimit))
		return
	}
	if r.cancelled() {
		r.finish(trace.ExitCancelled, 2, "lanes: stopped: cancelled\n")
	}
}

// ClockTimer is a callback on the virtual clock, for the time and context
// mirrors. Its function runs on the clock, not on a goroutine: it may ready
// goroutines, close channels and spawn, but never block.
type ClockTimer struct {
	r *run
	t *timer
}

// NewClockTimer calls fire after d of virtual time, and then every period
// if period > 0.
func NewClockTimer(d, period time.Duration, fire func()) *ClockTimer {
	r := mustRun()
	ct := &ClockTimer{r: r, t: &timer{fire: fire, period: trace.Time(period), idx: -1}}
	if r.cur != nil && r.cur.killing {
		return ct
	}
	r.addTimer(ct.t, trace.Time(d))
	return ct
}

// NewClockTimerAt calls fire once at the virtual instant at (at the next
// instant the clock reaches if at is not after the current one). A
// deadline at time.Now()+d that must have passed when fire runs is
// scheduled this way: see ProgramNow.
func NewClockTimerAt(at time.Duration, fire func()) *ClockTimer {
	r := mustRun()
	return NewClockTimer(time.Duration(trace.Time(at)-r.now), 0, fire)
}

// Stop cancels the timer; it reports whether it was pending. A nil
// ClockTimer is never pending.
func (c *ClockTimer) Stop() bool {
	if c == nil || c.r != current {
		return false
	}
	return c.r.delTimer(c.t)
}

// Reset stops the timer and sets it to fire after d (then every period if
// period > 0); it reports whether it was pending. A nil ClockTimer does
// nothing.
func (c *ClockTimer) Reset(d, period time.Duration) bool {
	if c == nil || c.r != current {
		return false
	}
	was := c.r.delTimer(c.t)
	c.t.period = trace.Time(period)
	if c.r.cur == nil || !c.r.cur.killing {
		c.r.addTimer(c.t, trace.Time(d))
	}
	return was
}

// Now returns the virtual time: the instant the clock is at, which events
// record.
func Now() time.Duration { return time.Duration(mustRun().now) }

// ProgramNow returns the virtual time as the running program observes it
// (time.Now). The clock moves only when a timer fires, and on real Go the
// code a timer wakes runs after the timer's instant, never at it: so once
// timers have fired at instant T, goroutines observe T+1ns until the clock
// moves again (a context cancelled at its deadline D sees time.Now() after
// D, as on Go). Timer callbacks, on the clock, observe T itself: the value
// a timer sends is its instant, as Go's is. Timers are set from the
// instant (Now), so elapsed times stay exact, a sleep of d is never
// observed shorter than d, and events are recorded at round instants.
func ProgramNow() time.Duration {
	r := mustRun()
	if r.now == r.firedAt && !r.clock {
		return time.Duration(r.now + 1)
	}
	return time.Duration(r.now)
}

// Sleep pauses the running goroutine for d of virtual time. A zero or
// negative d returns at once.
func Sleep(d time.Duration) {
	op, ok := Begin()
	if !ok {
		return
	}
	op.Event(trace.Event{Kind: trace.KindSleep, Delta: int64(d)})
	if d <= 0 {
		return
	}
	r, g := op.r, op.g
	r.addTimer(&timer{fire: func() { r.ready(g) }, idx: -1}, trace.Time(d))
	r.block(trace.StateSleeping, trace.NoObject, "sleep", op.Line)
}
