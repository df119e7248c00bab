// Package rewrite turns a plain Go program (the file shown to users, which
// compiles and runs with `go run`) into its instrumented twin: the same code
// calling the simulator (package lanes/sim) and its mirror packages.
//
//	twin, err := rewrite.Rewrite("main.go", src, rewrite.Options{})
//
// # Input
//
// One file, package main (or any package in Options.Library mode), that
// type-checks against the real packages. SupportedImports lists the
// imports it may have: fmt, sync, time, context, runtime, os, log, io,
// bufio, math/rand, math/rand/v2, sync/atomic, golang.org/x/sync/errgroup,
// golang.org/x/sync/semaphore (swapped for mirrors) and pure packages such
// as errors, strings and sort (kept). The original is
// type-checked first with go/types against the real packages' export data
// (one `go list -deps -export` per process and directory, cached); its type
// errors are returned with the shown file's positions.
//
// # What is rewritten to what
//
//	package main                 package twin (Options.Package); with Package "main"
//	                             (twinbuild's executables, so that %T, %#v and
//	                             panics name types main.T as Go does) the
//	                             program's func main becomes _lmain
//	import "fmt"                 import fmt "lanes/sim/fmt" (same for sync, time,
//	                             context, runtime, os; "math/rand" -> rand
//	                             "lanes/sim/rand"; sync/atomic -> atomic
//	                             "lanes/sim/atomic"; log, io, bufio and
//	                             math/rand/v2 -> lanes/sim/log, lanes/sim/io,
//	                             lanes/sim/bufio, lanes/sim/rand/v2; x/sync's errgroup and
//	                             semaphore -> lanes/sim/errgroup, lanes/sim/semaphore)
//	chan T, <-chan T, chan<- T   *sim.Chan[T]
//	type C chan T                type C = *sim.Chan[T] (an alias keeps the methods)
//	make(chan T) / (chan T, n)   sim.MakeChan[T](0) / sim.MakeChan[T](n)
//	                             (element type from go/types for named channel types)
//	ch <- v                      ch.Send(v)
//	<-ch                         ch.Recv()
//	v, ok := <-ch  (also =, var) v, ok := ch.Recv2()
//	close(ch), len(ch), cap(ch)  ch.Close(), ch.Len(), ch.Cap()
//	for v := range ch { body }   _l0 := ch; for { sim.StepAt(L); v, _l1 := _l0.Recv2();
//	                             if !_l1 { sim.Unmark(); break }; body } — v is per iteration; in a
//	                             file with a pre-1.22 //go:build line v is one
//	                             variable declared before the loop (var v T; v = _l2)
//	for k, v := range m (a map)  for k, v := range sim.Range(m, "m", L): the order comes from
//	                             the seed (in a file of go1.23 or later, which has
//	                             range over functions; `for range m` is kept)
//	select { … }                 _l0 := ch1.RecvCase(); _l1 := ch2.SendCase(v).At(L) (in
//	                             source order), then switch sim.Select(hasDefault,
//	                             _l0, _l1) { case 0: x, ok := _l0.V, _l0.OK; … };
//	                             without default the last case is the switch's
//	                             default (so the switch stays terminating); a
//	                             case on a line of its own is evaluated at it
//	                             (//line) and .At(L) records its send or
//	                             receive there
//	select {}                    sim.Select(false)
//	go f(a, b)                   _l0 := a; _l1 := b; sim.Go("f", func() { f(_l0, _l1) })
//	                             the function value (method value s.run, func
//	                             variable) is evaluated now too; constants, nil
//	                             and func literals stay in place; an untyped
//	                             comparison/shift gets its parameter's type
//	go func() {…}()              sim.Go("func1", func() {…})
//	defer f(x)                   defer f(x); defer sim.DeferLine(L)
//	panic(v)                     sim.Panic(v) (followed by panic("unreachable") when
//	                             it ends a statement list, for "missing return")
//	recover()                    sim.Recover(recover())
//	every statement              preceded by sim.Step(L); an empty loop body gets one;
//	                             sim.StepAt(L) instead when every call and
//	                             channel operation of the statement is at L and
//	                             none runs the program's own code (see Lines)
//	func init()                  renamed _lN, called by Main
//	var x = e (package level)    var x T; Main resets every package variable to
//	                             its zero value, runs the initialisers in Go's
//	                             initialisation order, the init functions, main
//
// # Shared memory
//
// Real goroutines run in parallel, so a read-modify-write such as n++ can
// lose an update when another goroutine's write falls between its read and
// its write. The twin makes such accesses steps of their own (scheduling
// points, checked by the simulator's race detector):
//
//	x = v                        sim.Store(&x, v, "x")
//	x++, x op= v                 sim.Store(&x, sim.Load(&x, "x")+v, "x")
//	a read of x                  sim.Load(&x, "x")
//	p.n, *p, s[i]                the same on &p.n, p, &s[i]
//	m[k] = v, m[k] op= v         sim.MapStore(m, k, v, "m") (a begin-write and an
//	                             end-write step: Go's "concurrent map writes")
//	m[k]; v, ok := m[k]          sim.MapLoad(m, k, "m"); sim.MapLoad2(m, k, "m")
//	delete(m, k)                 sim.MapDelete(m, k, "m")
//	for _, v := range x  (pre-1.22, v shared)
//	                             { var v T; for _, _l0 := range x { sim.Store(&v, _l0, "v"); … } }
//
// for x a shared variable: one written after its declaration (assigned,
// incremented, its address taken, a pointer method called on it) that is
// a package-level variable, a local variable captured by a function
// literal that may run in another goroutine (one of a go statement or a
// spawner, or one stored, returned or passed to the program's own
// functions; not one called at once, deferred or given to sort.Slice), or
// a local variable whose address is taken. A Go 1.22+ loop variable
// written only by its for statement's post statement is written before
// each iteration starts, so that does not count. Memory reached through a
// pointer or a slice, and every map, is always shared; fields of other
// packages' types (ticker.C) and values of sync, sync/atomic and x/sync
// types (used only through their methods) are not. Only the statement's
// own expressions are rewritten; a multiple assignment's left side, range
// loops' element accesses, copy, clear and map iteration are not (yet).
//
// Goroutine names follow the runtime: `go worker(i)` is "worker", `go s.run()`
// is "run", function literals are func1, func2… numbered in source order per
// top-level function (func1.1 nested in func1), package-level ones together.
//
// # Lines
//
// L is always the shown file's line. The twin is printed with go/printer's
// SourcePos mode, so `//line file:N` directives (column 1, kept by gofmt) make
// every statement — and so panics, stack traces and runtime.Caller in the
// compiled twin — report the shown file's name and line.
//
// An operation's line is found by walking the call stack to the program's
// frame, which is dear in WebAssembly. sim.StepAt(L) tells the simulator
// that every operation until the next step is at L, so that it skips the
// walk. It is emitted for a simple statement (expression but panic, send,
// inc/dec, assignment, go, declaration; not return, defer, branches or the
// headers of compound statements) whose calls and channel operations,
// outside function literals, are all on its first line and run no code of
// the program's own: builtins, conversions, and functions and methods of
// other packages (not interface methods) given no argument that holds a
// func, an interface or a type of the program with methods. The mark must
// not outlive the statement, so a list whose last step is a StepAt ends
// with sim.Unmark(), and the receive loop of a range over a channel (its
// only operation is at the for line) calls sim.Unmark() before it breaks.
// A panic in the statement runs deferred calls, each preceded by
// sim.DeferLine, which also ends the mark. Comments of the
// original are dropped. A `//go:build goX.Y` line of the original is kept on
// top (it decides the loop-variable semantics of both files); other build
// tags are dropped. The twin starts with
// "// Code generated by lanes rewrite from FILE; DO NOT EDIT."
//
// # Refused
//
// Everything else is refused with "file:line:col: <construct> is not
// supported yet", never a silently wrong twin: other imports (net/http,
// unsafe, reflect, "C", …), the members of a supported
// package that its mirror does not have (os.ReadFile, os.File.Fd, io.Pipe: see
// mirror_members.go for what each mirror has), dot imports, a package other
// than main (outside Library mode), the builtins print and println, goto, go
// on a builtin, defer recover(), type assertions and type switch cases with
// directional channel types, methods on channel types, generic channel
// types, channel operations on type-parameter values, a top-level name Main,
// and identifiers starting with the reserved prefix _l.
//
// # Library mode
//
// Options.Library rewrites a package such as x/sync's errgroup.go into a
// mirror: channels, select, go, panic and recover as above, package variables
// and init functions kept, no Main and no sim.Step/sim.DeferLine calls.
package rewrite
