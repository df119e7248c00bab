package sim

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"lanes/sim/trace"
)

// Options configure one run.
type Options struct {
	// Strategy picks who runs next; nil means Runtime().
	Strategy Strategy
	// Seed seeds the strategy's choices that need randomness (and the
	// program's math/rand). Same program, seed and strategy ⇒ same trace.
	Seed int64
	// StepLimit ends the run after this many steps (statements and
	// operations; default 1,000,000).
	StepLimit int
	// OutputLimit ends the run when the program's output (stdout and
	// stderr together) would go over this many bytes: the output keeps its
	// first OutputLimit bytes and the run ends as ExitOutputLimit (0: no
	// limit).
	OutputLimit int
	// Cancel, when closed, ends the run at its next step as ExitCancelled
	// (nil: never). For a server whose client has gone: the run stops
	// instead of finishing work nobody will see.
	Cancel <-chan struct{}
	// LeakSteps bounds how long goroutines alive at exit are let go on to
	// tell leaked from merely killed (default 1,000 steps; -1 disables it:
	// then none is reported as leaked).
	LeakSteps int
	// NoStatements leaves statement events (KindStmt) out of the trace.
	NoStatements bool
	// Narrow keeps any strategy in the runtime strategy's world: switches
	// only at operations, the instant after a go statement is no
	// scheduling point and timers fire on time (no time slips). For code
	// written against real timing that is not a twin (the ported standard
	// library tests); a Replay of a narrow run must be narrow too.
	Narrow bool
	// Program names the program in the trace (e.g. "main.go").
	Program string
	// Light records no events, only the goroutines, objects, choices and
	// outcome, and takes operations' lines from the last statement (Step)
	// instead of the call stack: several times faster natively, for
	// exploring many schedules. The schedule, and so the outcome, is the
	// same as without it.
	Light bool
	// WalkLines ignores the rewriter's line hints (StepAt) and finds every
	// operation's line by walking the call stack, as for code that is not a
	// twin. It is a check, not a mode: the hints only skip the walk where
	// its answer is known, so a twin's trace is the same with or without
	// WalkLines (a test runs every course twin and fidelity program both
	// ways).
	WalkLines bool
	// NoRace turns the race detector off (see race.go): no race events, no
	// Outcome.Races. For measuring what it costs.
	NoRace bool
	// RaceReport writes each race to stderr as a -race build does (Go's
	// "WARNING: DATA RACE" report) and, at exit, "Found N data race(s)"
	// with exit status 66 where the program would have exited 0.
	RaceReport bool
}

// epoch is the playground's clock start: time.Now in a run is epoch plus
// the virtual time.
var runMu sync.Mutex

// current is the run in progress, nil between runs. It is written only by
// Run with runMu held, before the first goroutine starts and after the last
// one stopped, so the simulated goroutines read it without locking.
var current *run

var epochCounter uint64

// pcLines maps a PC from runtime.Callers to its line in the shown program,
// or to deeper (see callerLine); PCs are stable for the life of the
// process. Guarded by runMu.
var pcLines = map[uintptr]int32{}

type run struct {
	opts  Options
	strat Strategy
	epoch uint64
	tr    *trace.Trace
	cur   *G
	gs    []*G
	runq  []*G
	next  *G // Go's "run next" slot
	now   trace.Time
	// firedAt is the instant timers last fired (-1: never): from then until
	// the clock moves, the program observes now+1ns (see ProgramNow).
	firedAt trace.Time
	timers  timerHeap
	tseq    uint64

	rec       bool // recording events (false in the afterlife)
	clock     bool // running a timer callback: events have no goroutine
	ended     bool
	afterlife bool
	afterStep int
	steps     int // statements and operations, for the step limit
	turnStart int // steps when the running goroutine got the turn (sysmon.go)
	done      chan struct{}
	ack       chan struct{}

	stdout strings.Builder
	stderr strings.Builder
	exit   trace.ExitKind
	code   int
	live   int
	peak   int
	objs   int32
	idbuf  []trace.GoID
	// wantIDs: the strategy looks at the candidates' ids (see pick).
	wantIDs bool
	rng     *rand.Rand                  // for the program (math/rand), made by Rand
	shadows map[any]any                 // mirrors' state by value (see Shadow)
	names   map[any]string              // objects' names by the mirror's address (see Name)
	doneOf  map[trace.ObjID]trace.ObjID // a Done channel's object → its context's
	// wide: the exploring strategies' world (every statement a scheduling
	// point, time may slip); false for the runtime strategy.
	wide  bool
	races *hbState // the race detector, made by hb
}

// Run runs main as the main goroutine of a simulated program and returns
// its trace. It returns when the program has ended and every goroutine it
// started has been unwound.
func Run(main func(), opts Options) *trace.Trace {
	runMu.Lock()
	defer runMu.Unlock()
	if opts.StepLimit <= 0 {
		opts.StepLimit = 1_000_000
	}
	if opts.LeakSteps == 0 {
		opts.LeakSteps = 1000
	}
	if opts.Strategy == nil {
		opts.Strategy = Runtime()
	}
	epochCounter++
	r := &run{
		opts:    opts,
		strat:   opts.Strategy,
		epoch:   epochCounter,
		rec:     true,
		firedAt: -1,
		done:    make(chan struct{}, 1),
		ack:     make(chan struct{}),
		tr: &trace.Trace{
			Version:  trace.Version,
			Program:  opts.Program,
			Strategy: opts.Strategy.Name(),
			Seed:     opts.Seed,
		},
	}
	r.strat.Reset(opts.Seed)
	_, r.wantIDs = r.strat.(interface{ needsGoroutines() })
	n, ok := r.strat.(interface{ narrow() bool })
	r.wide = !opts.Narrow && (!ok || !n.narrow())
	sizes.alloc(r)
	current = r
	defer func() { current = nil }()
	g := r.newG("main", nil, 0, main)
	r.hbSpawn(nil, g)
	r.tr.Goroutines[0].Func = "main.main"
	r.ready(g)
	r.schedule()
	<-r.done
	r.finishRun()
	sizes.keep(r)
	return r.tr
}

// sizes remembers how long the last run's lists were, to allocate the
// next run's at once rather than growing them append by append: exploring
// runs the same program again and again. Guarded by runMu.
var sizes listSizes

type listSizes struct{ events, goroutines, objects, choices, output int }

// maxSize caps the lengths sizes remembers.
const maxSize = 4096

func (s *listSizes) alloc(r *run) {
	if s.goroutines > 0 {
		r.gs = make([]*G, 0, s.goroutines)
		r.runq = make([]*G, 0, s.goroutines)
		r.tr.Goroutines = make([]trace.Goroutine, 0, s.goroutines)
	}
	if s.events > 0 {
		r.tr.Events = make([]trace.Event, 0, s.events)
	}
	if s.objects > 0 {
		r.tr.Objects = make([]trace.Object, 0, s.objects)
	}
	if s.choices > 0 {
		r.tr.Choices = make([]int, 0, s.choices)
	}
	r.stdout.Grow(s.output)
}

// keep records the run's lengths; lists left empty are nil, as if never
// allocated, so that the trace is the same.
func (s *listSizes) keep(r *run) {
	t := r.tr
	s.goroutines = min(len(r.gs), maxSize)
	s.output = min(len(t.Outcome.Output), 64*maxSize)
	s.events, s.objects, s.choices = min(len(t.Events), maxSize), min(len(t.Objects), maxSize), min(len(t.Choices), maxSize)
	if len(t.Events) == 0 {
		t.Events = nil
	}
	if len(t.Objects) == 0 {
		t.Objects = nil
	}
	if len(t.Choices) == 0 {
		t.Choices = nil
	}
}

// finishRun runs after the program ended: it tells leaked from killed
// goroutines, records their final states and the exit, and unwinds every
// real goroutine still parked.
func (r *run) finishRun() {
	var alive []*G
	for _, g := range r.gs {
		if g.state.Alive() {
			alive = append(alive, g)
		}
	}
	exitTime := r.now
	var leaks map[*G]trace.Leak
	if r.exit == trace.ExitOK && len(alive) > 0 && r.opts.LeakSteps > 0 {
		r.rec, r.afterlife, r.ended = false, true, false
		r.cur = nil
		r.schedule()
		<-r.done
		leaks = map[*G]trace.Leak{}
		for _, g := range alive {
			if g.state.Alive() {
				l := g.leakInfo() // where it is stuck for good
				if int(l.Obj) > len(r.tr.Objects) {
					l.Obj = trace.NoObject // made in the afterlife, which records nothing
				}
				leaks[g] = l
			}
		}
		r.rec, r.afterlife = true, false
	}
	r.now = exitTime
	r.clock = true
	for _, g := range alive {
		if l, ok := leaks[g]; ok {
			r.setState(g, trace.StateLeaked, l.Obj, l.Reason)
			r.tr.Outcome.Leaked = append(r.tr.Outcome.Leaked, l)
		} else {
			r.setState(g, trace.StateKilled, trace.NoObject, "")
			r.tr.Outcome.Killed = append(r.tr.Outcome.Killed, g.id)
		}
	}
	r.event(trace.Event{Kind: trace.KindExit, G: trace.NoGoroutine, Text: r.exitText()})
	r.clock = false
	// Unwind every real goroutine still parked, one at a time.
	for _, g := range r.gs {
		if !g.exited {
			g.killing = true
			r.cur = g
			g.wake <- struct{}{}
			<-r.ack
		}
	}
	r.raceExit()
	o := &r.tr.Outcome
	o.Exit, o.Code = r.exit, r.code
	o.Output, o.Stderr = r.stdout.String(), r.stderr.String()
	o.Duration = exitTime
	o.PeakLive = r.peak
	o.Steps = len(r.tr.Events)
	r.uniqueNames()
}

func (r *run) exitText() string {
	switch r.exit {
	case trace.ExitOK:
		return "main returned"
	case trace.ExitOS:
		return fmt.Sprintf("os.Exit(%d)", r.code)
	case trace.ExitStepLimit:
		return stepLimitWords(r.opts.StepLimit)
	case trace.ExitOutputLimit:
		return "stopped: output over " + Bytes(int64(r.opts.OutputLimit))
	case trace.ExitCancelled:
		return "stopped: cancelled"
	}
	s, _, _ := strings.Cut(r.stderr.String(), "\n")
	return s
}

// finish ends the program (or the afterlife). The caller must stop touching
// the run: return from its goroutine, or park forever.
func (r *run) finish(kind trace.ExitKind, code int, stderr string) {
	if r.ended {
		return
	}
	r.ended = true
	if !r.afterlife {
		r.exit, r.code = kind, code
		r.stderr.WriteString(stderr)
	}
	r.done <- struct{}{}
}

// leakInfo describes where g is stuck for good, for the leak report.
func (g *G) leakInfo() trace.Leak {
	l := trace.Leak{G: g.id, Obj: g.blockObj, Reason: g.blockWhat, Line: g.blockLine}
	switch {
	case g.state == trace.StateSleeping:
		l.Reason = "sleeps forever"
	case g.state != trace.StateBlocked && l.Reason != "":
		l.Reason = "loops forever on " + l.Reason
	case g.state != trace.StateBlocked:
		l.Obj, l.Reason, l.Line = trace.NoObject, "runs forever", g.line
	}
	return l
}
