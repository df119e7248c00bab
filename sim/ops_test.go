package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// TestOperations covers the mirrors not exercised elsewhere, and every
// misuse with Go's own text.
func TestOperations(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		output string
		exit   trace.ExitKind
		stderr string
	}{
		{desc: "RWMutex: readers share, the writer waits", prog: rwmutex,
			output: "reader 0 in\nreader 1 in\nreader 1 out\nreader 0 out\nwriter\n", exit: trace.ExitOK},
		{desc: "Once and OnceValue", prog: once, output: "init by 2\ncomputing\n42 42\n", exit: trace.ExitOK},
		{desc: "Cond: Broadcast wakes the waiter", prog: cond, output: "ready\n", exit: trace.ExitOK},
		{desc: "unlock of unlocked mutex is fatal", prog: unlockUnlocked, exit: trace.ExitFatal,
			stderr: "fatal error: sync: unlock of unlocked mutex\n"},
		{desc: "send on closed channel", prog: sendClosed, exit: trace.ExitPanic, stderr: "panic: send on closed channel\n"},
		{desc: "close of nil channel", prog: closeNil, exit: trace.ExitPanic, stderr: "panic: close of nil channel\n"},
		{desc: "receive from nil channel blocks forever", prog: recvNilForever, exit: trace.ExitDeadlock,
			stderr: "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive (nil chan)]:"},
		// Code woken by a timer observes its instant as passed (1ns later,
		// see sim.Now): the elapsed times since the clock's start show it.
		{desc: "Timer Stop/Reset, Tick, AfterFunc on the virtual clock", prog: timers,
			output: "stopped: true\nfired at 2.000000001s\nthree ticks at 2.900000001s\nAfterFunc at 3.900000001s\n", exit: trace.ExitOK},
		{desc: "WithDeadline, WithCancelCause, Cause", prog: deadline,
			output: "context deadline exceeded context deadline exceeded 1.000000001s\ncontext canceled shutting down\n", exit: trace.ExitOK},
		{desc: "main calls runtime.Goexit", prog: goexitMain, output: "worker done\n", exit: trace.ExitDeadlock,
			stderr: "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"},
		{desc: "errgroup TryGo at the limit", prog: tryGo, output: "true\nfalse\n<nil>\n", exit: trace.ExitOK},
		{desc: "errgroup SetLimit while active", prog: setLimitWhileActive, exit: trace.ExitPanic,
			stderr: "panic: errgroup: modify limit while 1 goroutines in the group are still active\n"},
		{desc: "WaitGroup reused before Wait returned", prog: reuse, exit: trace.ExitPanic,
			stderr: "panic: sync: WaitGroup is reused before previous Wait has returned\n"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			o := run(t, tc.prog, sim.Options{}).Outcome
			checkOutcome(t, o, tc.output, tc.exit, tc.stderr)
		})
	}
}
