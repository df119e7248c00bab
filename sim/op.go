package sim

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"

	"lanes/sim/trace"
)

// This file is the kit the mirror packages (sim/sync, sim/time, …) build
// on. Programs never call it directly.

func mustRun() *run {
	r := current
	if r == nil {
		panic("lanes/sim: instrumented operation outside sim.Run")
	}
	return r
}

// Op is an instrumented operation in progress on the running goroutine.
type Op struct {
	r    *run
	g    *G
	Line int32 // line of the operation in the shown program
}

// Begin starts an instrumented operation: it is a scheduling point (the
// strategy may run another goroutine first), it counts against the step
// limit, and it finds the operation's line. ok is false when the operation
// must do nothing: the goroutine is being unwound at the end of the run.
func Begin() (op Op, ok bool) {
	return begin(4, 1) // inlined: the mirror's caller is frame 4 from begin
}

// begin is Begin for an operation whose line is found from frame skip (as
// runtime.Callers counts frames from begin), the program's frame being
// expected want frames up (see lineOf).
func begin(skip, want int) (op Op, ok bool) {
	r := mustRun()
	if r.clock {
		return Op{r: r}, true // the clock acts: no goroutine, no scheduling point
	}
	g := r.cur
	if g == nil || g.killing {
		return Op{}, false
	}
	r.limit()
	line := g.deferLine
	switch {
	case line != 0:
		g.deferLine = 0
	case r.opts.Light && g.line != 0, g.exact && !r.opts.WalkLines:
		line = g.line
	default:
		// runtime.Callers is called here, not in a helper: every frame
		// walked costs in wasm.
		var pcs [3]uintptr
		n := runtime.Callers(skip, pcs[:want])
		if l, ok := pcLines[pcs[0]]; ok && l != deeper && n > 0 {
			line = l
		} else {
			line = lineOf(&pcs, n, skip+1, want)
		}
	}
	r.yield()
	return Op{r: r, g: g, Line: line}, true
}

// limit ends the run when it has recorded StepLimit events, or the
// afterlife when it has taken LeakSteps steps.
func (r *run) limit() {
	g := r.cur
	if r.afterlife {
		r.afterStep++
		if r.afterStep > r.opts.LeakSteps {
			r.finish(trace.ExitNone, 0, "")
			parkForever(g)
		}
		return
	}
	r.steps++
	if r.steps > r.opts.StepLimit {
		r.finish(trace.ExitStepLimit, 2, stepLimitStderr(r.opts.StepLimit))
		parkForever(g)
	}
	if r.cancelled() {
		r.finish(trace.ExitCancelled, 2, "lanes: stopped: cancelled\n")
		parkForever(g)
	}
}

// cancelled reports whether Options.Cancel is closed. It looks every 1,024
// steps, so a run without Cancel pays one comparison a step.
func (r *run) cancelled() bool {
	if r.opts.Cancel == nil || r.steps&1023 != 0 {
		return false
	}
	select {
	case <-r.opts.Cancel:
		return true
	default:
		return false
	}
}

// G returns the operation's goroutine.
func (o Op) G() *G { return o.g }

// Now returns the virtual time.
func (o Op) Now() trace.Time { return o.r.now }

// Event records e for the operation's goroutine at its line (unless e.Line
// is set).
func (o Op) Event(e trace.Event) {
	if e.Line == 0 {
		e.Line = o.Line
	}
	if e.G == trace.NoGoroutine && o.g != nil {
		e.G = o.g.id
	}
	o.r.event(e)
}

// Block parks the operation's goroutine, blocked on obj (what is Go's wait
// reason, e.g. "sync.WaitGroup.Wait"), until Ready is called on it.
func (o Op) Block(obj trace.ObjID, what string) {
	o.r.block(trace.StateBlocked, obj, what, o.Line)
}

// Quiet turns the recording of g's own events (not its state changes) off
// or on, for mirrors built on private channels and locks whose steps would
// only clutter the timeline. It returns the previous setting.
func Quiet(g *G, on bool) bool {
	was := g.quiet
	g.quiet = on
	return was
}

// Ready makes g runnable (it must be blocked or sleeping).
func Ready(g *G) { g.r.ready(g) }

// Self returns the running goroutine, or nil on the clock.
func Self() *G { return mustRun().cur }

// Obj is the simulator's handle on a synchronisation object. Embedded in a
// mirror type, its zero value is ready to use; it registers the object in
// the run the first time the object is used there.
type Obj struct {
	epoch uint64
	id    trace.ObjID
	named bool // Name has named it in this run
}

// Use returns the object's id in the current run. fresh is true the first
// time the object is used in this run: the mirror must then reset its state
// (a package-level variable survives from one run to the next).
func (o *Obj) Use(kind trace.ObjKind, name string, line int32, cap int64) (id trace.ObjID, fresh bool) {
	r := mustRun()
	if o.epoch == r.epoch {
		return o.id, false
	}
	o.epoch = r.epoch
	o.named = name != ""
	if name == "" {
		name = kind.String() + " " + strconv.Itoa(int(r.objs)+1) // fmt.Sprintf is dear in wasm
	}
	o.id = r.newObj(kind, name, line, cap)
	return o.id, true
}

// ID returns the object's id if it has been used in the current run.
func (o *Obj) ID() trace.ObjID {
	if r := current; r != nil && o.epoch == r.epoch {
		return o.id
	}
	return trace.NoObject
}

// Print writes program output to stdout and records it.
func Print(text string) {
	op, ok := begin(4, 1) // called by a mirror (fmt.Println): its caller's line
	if !ok || op.r.afterlife {
		return
	}
	full := op.r.capOutput(&text)
	op.r.stdout.WriteString(text)
	op.Event(trace.Event{Kind: trace.KindPrint, Text: text})
	if full {
		op.r.stopOutput(op.g)
	}
}

// PrintErr writes program output to stderr (the builtin println, log, os.Stderr).
func PrintErr(text string) {
	op, ok := begin(4, 1) // called by a mirror (os.Stderr): its caller's line
	if !ok || op.r.afterlife {
		return
	}
	full := op.r.capOutput(&text)
	op.r.stderr.WriteString(text)
	op.Event(trace.Event{Kind: trace.KindPrint, Text: text, Value: 2})
	if full {
		op.r.stopOutput(op.g)
	}
}

// capOutput cuts *text to what fits under the output limit and reports
// whether it had to.
func (r *run) capOutput(text *string) bool {
	if r.opts.OutputLimit <= 0 {
		return false
	}
	room := r.opts.OutputLimit - r.stdout.Len() - r.stderr.Len()
	if len(*text) <= room {
		return false
	}
	*text = (*text)[:max(room, 0)]
	return true
}

// stopOutput ends the run whose output went over its limit.
func (r *run) stopOutput(g *G) {
	r.finish(trace.ExitOutputLimit, 2, "lanes: stopped: output over "+Bytes(int64(r.opts.OutputLimit))+"\n")
	parkForever(g)
}

// Bytes writes a size the way limits are given: "1 MiB", "64 KiB",
// "1000 bytes".
func Bytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Exit ends the program at once with the given status, like os.Exit:
// deferred calls do not run.
func Exit(code int) {
	op, ok := Begin()
	if !ok {
		return
	}
	op.r.finish(trace.ExitOS, code, "")
	parkForever(op.g)
}

// Fatal ends the program with Go's "fatal error: msg", which no recover
// can stop (e.g. "sync: unlock of unlocked mutex").
func Fatal(msg string) {
	r := mustRun()
	g := r.cur
	if g == nil || g.killing {
		return
	}
	r.event(trace.Event{Kind: trace.KindPanic, Text: "fatal error: " + msg, Line: r.callerLine(4, 1)})
	r.finish(trace.ExitFatal, 2, fmt.Sprintf("fatal error: %s\n\ngoroutine %d [running]:\n", msg, g.id))
	parkForever(g)
}

// NumGoroutine returns the number of live goroutines, like runtime.NumGoroutine.
func NumGoroutine() int {
	op, ok := Begin()
	if !ok {
		return 0
	}
	return op.r.live
}

// Gosched yields the turn, like runtime.Gosched: the running goroutine goes
// to the back of the queue.
func Gosched() {
	op, ok := Begin()
	if !ok {
		return
	}
	op.r.gosched()
}

// Rand returns the program's random source for the run (math/rand mirror),
// seeded from the run's seed.
func Rand() *rand.Rand {
	r := mustRun()
	if r.rng == nil {
		r.rng = rand.New(rand.NewPCG(uint64(r.opts.Seed), 0x1a9e5))
	}
	return r.rng
}

// Running reports whether a simulated run is in progress on this goroutine's
// behalf.
func Running() bool { return current != nil }
