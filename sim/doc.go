// Package sim runs a Go program's goroutines one at a time on a virtual
// clock and records what they did as a trace (package sim/trace).
//
// A program reaches the simulator as a function (the twin's Main, made by
// package sim/rewrite from the shown program) that calls the simulator's
// mirrors instead of the real runtime: Go for go statements, Chan for
// channels, Select for select statements, and the mirror packages
// (sim/sync, sim/time, sim/context, sim/fmt, sim/errgroup, sim/semaphore…)
// for the library calls. Run runs it once; Explore runs it over many
// schedules and groups the outcomes.
//
// # Running
//
// Each simulated goroutine is a real goroutine that runs only when it has the
// turn; exactly one has it at a time. Every instrumented operation is a
// scheduling point: before it, the strategy may hand the turn to another
// runnable goroutine. Statements (Step) are scheduling points only with
// Options.PreemptStatements.
//
// Virtual time starts at 0 and advances only when no goroutine is runnable,
// straight to the earliest timer. Computation takes no virtual time.
//
// A goroutine blocks (it stops being runnable until another goroutine or the
// clock readies it) in: WaitGroup.Wait with a non-zero counter; Mutex.Lock
// and RWMutex.Lock/RLock while held; Once.Do while another goroutine runs the
// function; a send on a channel with no waiting receiver and no buffer room;
// a receive on a channel with no waiting sender and an empty buffer; any
// operation on a nil channel; a select with no ready case and no default;
// errgroup.Group.Go at the limit; semaphore.Weighted.Acquire without room.
// It sleeps (waits for the clock) in time.Sleep; timers, tickers,
// time.After, context deadlines and AfterFunc fire from the clock.
//
// # Lines
//
// Every event carries the line of the shown program where it happened. An
// operation finds it by walking the call stack to the program's frame
// (the twin is compiled with //line directives), which is the dearest part
// of an operation in WebAssembly, so twins tell the simulator when the
// walk's answer is known: StepAt(L) before a statement whose operations
// are all at L, on the running goroutine until its next Step, StepAt,
// Unmark or DeferLine. The rewriter decides where that holds and keeps the
// mark from outliving its statement (see StepAt and sim/rewrite).
// Options.WalkLines ignores the hints, to check that traces are the same
// without them. A deferred call's operation takes the defer statement's
// line (DeferLine).
//
// # Ending
//
// When main returns the program ends. Every other goroutine still alive is
// then killed at exit: Go would stop it without running anything more of it.
// To tell which of them leaked, the simulator lets them go on, silently and
// for a bounded number of steps (Options.LeakSteps): those that would still be
// blocked or running after that are leaked, the others were merely killed at
// exit. All of them are then unwound with runtime.Goexit (their deferred
// calls run, with every instrumented operation a no-op), so no real goroutine
// outlives a run.
//
// With nothing runnable, no timer and main blocked, the run ends with Go's
// "fatal error: all goroutines are asleep - deadlock!". A panic nobody
// recovers ends it with Go's "panic: …" text and exit status 2. A run that
// records more than Options.StepLimit events ends as "stopped after N steps".
//
// # Strategies
//
// Who runs next is decided by a Strategy. The simulator keeps runnable
// goroutines in Go's own order (a "run next" slot taken by the goroutine most
// recently spawned or readied, then a FIFO queue), so the runtime strategy,
// which always continues the running goroutine and otherwise takes the first
// in that order, prints what GOMAXPROCS=1 go run prints for deterministic
// programs. Random, PCT, Replay, Manual and exhaustive exploration pick
// otherwise. Every decision with more than one option is recorded in
// Trace.Choices, so Replay reproduces any run.
//
// Runs are serialised within a process: Run may be called from many
// goroutines, but one run executes at a time.
package sim
