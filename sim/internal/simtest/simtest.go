// Package simtest runs the mirror packages' tests (most of them ported
// from the real packages' own tests) as simulated programs.
//
// A test body is a program: it runs as the main goroutine of sim.Run,
// calls the mirrors (sim/sync, sim/context…) instead of the real packages,
// and starts goroutines with sim.Go. It reports failures with t.Errorf on
// the t it is given (the schedule's subtest) and returns; it must not call
// t.Fatal, t.FailNow or t.Skip, which would end the simulated goroutine
// with runtime.Goexit.
//
// A schedule is one run of the body under one strategy and seed. Run tries
// the body under the runtime strategy (what GOMAXPROCS=1 go run does) and
// under a few seeds of the exploring strategies (random, pct), so a ported
// test that hammers a mirror from many goroutines meets several
// interleavings, each of them reproducible. A body is not a twin: only its
// calls to the simulator and the mirrors are scheduling points, not its
// statements, and it is written against timers that fire on time, so the
// exploring strategies run it narrow (sim.Options.Narrow: no preemption at
// statements, no time slips).
package simtest

import (
	"fmt"
	"testing"

	"go.uber.org/goleak"

	"lanes/sim"
	"lanes/sim/trace"
)

// Seeds is how many seeds Run tries for each exploring strategy.
const Seeds = 3

// Schedules lists the schedules Run tries: the runtime strategy first.
func Schedules() []sim.Options {
	out := []sim.Options{{Strategy: sim.Runtime()}}
	for seed := int64(1); seed <= Seeds; seed++ {
		out = append(out,
			sim.Options{Strategy: sim.Random(), Seed: seed, Narrow: true},
			sim.Options{Strategy: sim.PCT(3), Seed: seed, Narrow: true})
	}
	return out
}

// Name names a schedule for a subtest: "runtime", "random-2"…
func Name(o sim.Options) string {
	if o.Strategy.Name() == "runtime" {
		return "runtime"
	}
	return fmt.Sprintf("%s-%d", o.Strategy.Name(), o.Seed)
}

// Run runs body under every schedule of Schedules, each as a subtest
// whose t it passes to body, and fails the subtest unless the run ends
// with exit status 0.
func Run(t *testing.T, body func(t *testing.T)) {
	t.Helper()
	for _, o := range Schedules() {
		t.Run(Name(o), func(t *testing.T) {
			t.Helper()
			RunOnce(t, o, func() { body(t) })
		})
	}
}

// RunOnce runs body once with opts, checks its trace with trace.Validate
// and fails the test unless the program ends with exit status 0. It returns
// the trace.
func RunOnce(t testing.TB, opts sim.Options, body func()) *trace.Trace {
	t.Helper()
	tr := Exec(t, opts, body)
	if o := tr.Outcome; o.Exit != trace.ExitOK {
		t.Errorf("run ended %v, want ok; stderr:\n%s", o.Exit, o.Stderr)
	}
	return tr
}

// Exec runs body once with opts and checks its trace with trace.Validate,
// whatever the outcome (for tests that expect a panic or a fatal error).
func Exec(t testing.TB, opts sim.Options, body func()) *trace.Trace {
	t.Helper()
	if opts.Program == "" {
		opts.Program = "main.go"
	}
	tr := sim.Run(body, opts)
	if err := trace.Validate(tr); err != nil {
		t.Errorf("Validate: %v", err)
	}
	return tr
}

// VerifyTestMain runs the package's tests and then fails if any real
// goroutine outlives them (runtime.handleEvent is the js/wasm runtime's
// own): a simulated program's goroutines must all be unwound by sim.Run.
func VerifyTestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("runtime.handleEvent"))
}
