// Package sim runs a Go program's goroutines one at a time on a virtual
// clock and records what they did as a trace (package sim/trace).
//
// Three kinds of code use this package, and each section below is for one
// of them: code that runs programs (the CLI, the course, the explorer);
// twins, the instrumented copies of shown programs that package
// sim/rewrite makes, and so the rewriter itself; and the mirror packages
// (sim/sync, sim/time, sim/context, sim/fmt, sim/errgroup,
// sim/semaphore…), which twins call instead of the real library and which
// are built on the simulator's kit.
//
// Terms: a goroutine has the turn when it is the one running; exactly one
// has it at a time. A scheduling point is a place where the strategy may
// hand the turn to another runnable goroutine. A goroutine blocks (stops
// being runnable until another goroutine readies it) or sleeps (until the
// clock does). A schedule is the sequence of such choices in one run.
//
// # Running programs
//
// A program reaches the simulator as a function (a twin's Main). Run runs
// it once and returns its trace; Explore runs it over many schedules and
// groups the runs by outcome (Report). Options set the strategy, the seed,
// the step limit and how much is recorded. Runs are serialised within a
// process: Run may be called from many goroutines, but one run executes at
// a time. Same program, seed and strategy ⇒ byte-identical trace.
//
// Each simulated goroutine is a real goroutine that runs only when it has
// the turn. Every instrumented operation is a scheduling point. Virtual
// time starts at 0 and advances when no goroutine is runnable, straight to
// the earliest timer. Computation takes no virtual time (except a very
// long turn: see sysmon below), and what runs after a timer fired
// observes the timer's instant as passed (ProgramNow: 1ns later), as on
// real Go. Every timer firing counts as a step, and a
// deadline beyond the clock's range is clamped to its end.
//
// There are two worlds. The runtime strategy sees what Go does on one P
// (GOMAXPROCS=1): switches only at the operations, timers on time. Every
// other strategy (random, PCT, exhaustive, Replay, Manual) sees the wider
// world of real Go on many CPUs and a busy machine:
//   - Preemption at any statement: every step point of a twin (Step,
//     StepAt, and any step point added to it) is a scheduling point, and so
//     is the instant after a go statement (the new goroutine may start at
//     once on another CPU).
//   - Time that slips: real Go promises only that a sleep lasts at least
//     its duration. At any scheduling point where a timer is pending the
//     strategy may let time slip (ChooseSlip): the clock jumps to the next
//     timer and fires every timer due then, though goroutines could still
//     run; slips in a row fire several timers at one point, and each
//     readied goroutine takes "run next" as in Go, so the last one readied
//     runs first. A slip is recorded as a timeslip event and counted in
//     the trace's Outcome.Slips (a light run too), so that an explorer
//     can tell an ending found only when time slips (Outcome.Slipped).
//
// Option 0 of every choice is what the runtime strategy does, so the
// runtime schedule is one schedule of the wider world (Explore runs it
// first).
//
// In both worlds a goroutine that runs long without blocking is preempted
// as Go's sysmon preempts one that has run 10 ms: after 20,000 steps since
// it got the turn, the clock moves on by 10 ms (firing the timers due
// meanwhile) and the goroutine goes to the back of the queue. So a loop
// spinning on an atomic flag that another goroutine sets ends, as on real
// Go at GOMAXPROCS=1, and that is no choice of the strategy (sysmon.go).
//
// A goroutine blocks in: WaitGroup.Wait with a non-zero counter;
// Mutex.Lock and RWMutex.Lock/RLock while held; Once.Do while another
// goroutine runs the function; Cond.Wait until a Signal or Broadcast; a
// send on a channel with no waiting receiver and no buffer room; a receive
// on a channel with no waiting sender and an empty buffer; any operation on
// a nil channel; a select with no ready case and no default;
// errgroup.Group.Go at the limit; semaphore.Weighted.Acquire without room.
// It sleeps in time.Sleep; timers, tickers, time.After, context deadlines
// and AfterFunc fire from the clock.
//
// Who runs next is decided by a Strategy. The simulator keeps runnable
// goroutines in Go's own order (a "run next" slot taken by the goroutine
// most recently spawned or readied, then a FIFO queue), so the runtime
// strategy, which always continues the running goroutine and otherwise
// takes the first in that order, prints what GOMAXPROCS=1 go run prints for
// deterministic programs. Random and PCT explore other interleavings, and
// Explore's exhaustive search is preemption-bounded (CHESS): a preemption
// is a switch away from a goroutine that could go on, or a time slip;
// choices where a goroutine blocked or ended, and select cases, are free.
// It searches every schedule with 0, then 1, … up to Bound preemptions and
// says how far it got: "every schedule" only when the bound cut nothing.
// StrategyNames and ExploreStrategyNames list the names that NewStrategy
// and Explore accept, the default first. Every decision with more than one
// option is recorded in Trace.Choices, so Replay reproduces any run of the
// wider world (a runtime run reproduces from its seed). Manual
// hands every decision to a function.
//
// The scheduler game ("you are the scheduler": the reader picks who runs
// next) plays without blocking anyone: a game is a prefix of choices, and
// RunScheduled runs it and reports the first reader's decision after it
// (Pause: the runnable goroutines in Go's order, whether the one at the
// scheduling point may go on, whether time may slip, where each one is,
// and "read n"/"write n" when the next step is half of n++). Pause.Take
// turns a pick into the choices that extend the prefix; undoing runs the
// prefix up to the previous decision (Scheduled.Decisions), which is
// deterministic. Only goroutine picks and time slips are the reader's;
// select cases and map orders take option 0. Follow repeats a prefix and
// hands the rest to another strategy: "let the runtime decide from here"
// and "random from here".
//
// When main returns the program ends. Every other goroutine still alive is
// then killed at exit: Go would stop it without running anything more of
// it. To tell which of them leaked, the simulator lets them go on, silently
// and for a bounded number of steps (Options.LeakSteps): those that would
// still be blocked or running after that are leaked, the others were merely
// killed at exit. All of them are then unwound with runtime.Goexit (their
// deferred calls run, with every instrumented operation a no-op), so no
// real goroutine outlives a run.
//
// With nothing runnable, no timer and main blocked, the run ends with Go's
// "fatal error: all goroutines are asleep - deadlock!". A panic nobody
// recovers ends it with Go's "panic: …" text and exit status 2. A run that
// records more than Options.StepLimit events ends as "stopped after N
// steps" (N the limit, as Thousands writes it; StepLimitOf reads it back); one whose output goes over Options.OutputLimit bytes keeps the
// output up to the limit and ends as "stopped: output over N".
//
// # Shared memory and races
//
// Real goroutines run in parallel, so one goroutine's statement can fall
// between another's read and write of a variable. The rewriter turns reads
// and writes of shared variables into steps (Load, Store, MapLoad,
// MapStore, MapDelete; see sim/rewrite), each a scheduling point, so that
// a lost update of counter++ is an outcome the exploring strategies can
// reach. A map write is two steps, begin and end, as Go's runtime sets and
// clears its hashWriting flag: another goroutine's access to the map in
// between ends the program with Go's "fatal error: concurrent map writes"
// (or "concurrent map read and map write"), exit status 2. A range over a
// map (Range, MapIter) reads the map at its start and at every step to the
// next entry, and meeting a write in progress there is Go's "concurrent
// map iteration and map write". Copy, ClearSlice and ClearMap are the
// builtins copy and clear, LoadAt a range loop's read of a slice element.
//
// Every access is also checked by a happens-before race detector (vector
// clocks, as ThreadSanitizer and FastTrack keep them) over the Go memory
// model's edges: a go statement happens before the goroutine starts; a
// send before the matching receive completes; a close before a receive
// that sees it; the k-th receive on a channel of capacity C before the
// (k+C)-th send completes; Unlock before the next Lock (and RUnlock before
// Lock, Unlock before RLock); Once's function before every Do returns; Done
// before Wait returns; atomics (sync/atomic) in their order; errgroup,
// semaphore and context cancellation through the mirrors' locks and
// channels. Two accesses to one variable, one a write, by goroutines
// neither of which happens before the other, are a data race: a KindRace
// event and an entry of Outcome.Races, whatever the schedule did with them
// (the race is in the program, not in the interleaving). With
// Options.RaceReport a run also writes Go's "WARNING: DATA RACE" report to
// stderr and exits 66 as a -race build does (RaceReport); the explorer
// counts in how many schedules each race was found (Report.Races).
//
// # What twins call
//
// A twin is the shown program with its concurrency routed through the
// simulator (sim/rewrite documents the rewriting): Go for go statements,
// MakeChan and the methods of Chan for channels, Select with RecvCase and
// SendCase for select statements, Panic and Recover around the builtins,
// and the mirror packages for library calls. Step, StepAt, Unmark and
// DeferLine tell the simulator where the program is.
//
// Every event carries the line of the shown program where it happened. An
// operation finds it by walking the call stack to the program's frame (the
// twin is compiled with //line directives), which is the dearest part of an
// operation in WebAssembly, so twins tell the simulator when the walk's
// answer is known: StepAt(L) before a statement whose operations are all at
// L, on the running goroutine until its next Step, StepAt, Unmark or
// DeferLine. The rewriter decides where that holds and keeps the mark from
// outliving its statement (see StepAt and sim/rewrite). Options.WalkLines
// ignores the hints, to check that traces are the same without them. A
// deferred call's operation takes the defer statement's line (DeferLine).
//
// # Building mirrors
//
// A mirror has the real package's names, zero values, semantics, panic and
// fatal texts and printed forms. Its types embed an Obj, whose Use
// registers the object in the current run (and says when its state must be
// reset: a package-level variable outlives a run). An operation starts with
// Begin, the scheduling point, which returns the Op that records events
// (Op.Event) and does nothing more when ok is false (the goroutine is being
// unwound). A blocking operation loops on its condition around Op.Block,
// and whoever changes the condition calls Ready on the waiters, as Go's
// own wake-ups are hints that the woken goroutine re-checks.
//
// The rest of the kit: Self and Spawn (a goroutine started by the library,
// as time.AfterFunc does), FuncName, NewClockTimer (a callback on the
// virtual clock), MakeTimerChan and SelectAs (private channels whose wait
// shows as blocked on the mirror's object, with Quiet keeping their events
// out of the trace), Print and PrintErr (program output), Panic, Fatal and
// Exit (ending as Go does), Now, Sleep, Gosched, NumGoroutine and Rand.
//
// Objects carry the program's names: the rewriter calls Name after each
// declaration of a variable holding one (wg, jobs, d.mu, ctx, ticker); an
// object the program makes by a call without naming it is named after the
// call and its line (UseCall, MakeCallChan: "time.After (line 14)",
// "context.WithTimeout (line 9)", "chan (line 37)"), a context's Done
// channel after its context ("ctx.Done()"). When the run ends, objects
// that share a name are told apart (UniqueNames: "wg (line 12)" and "wg
// (line 30)", "ctx 1" and "ctx 2" for a variable declared in a loop), so
// that no two objects of a trace have the same name.
// Running reports whether a run is in progress. The mirrors' own tests,
// most of them ported from the real packages' tests, run each test body as
// a program (see sim/internal/simtest).
package sim
