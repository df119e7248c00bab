package sim_test

import (
	"bytes"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"lanes/sim"
	"lanes/sim/trace"
)

// TestMain checks that no real goroutine outlives the tests (runtime.handleEvent
// is the js/wasm runtime's own).
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("runtime.handleEvent"))
}

// run runs prog and validates its trace.
func run(t *testing.T, prog func(), opts sim.Options) *trace.Trace {
	t.Helper()
	if opts.Program == "" {
		opts.Program = "main.go"
	}
	tr := sim.Run(prog, opts)
	if err := trace.Validate(tr); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	return tr
}

// checkOutcome compares a run's output, exit kind and stderr (a prefix:
// Go's first lines) with what a test wants.
func checkOutcome(t *testing.T, o trace.Outcome, output string, exit trace.ExitKind, stderr string) {
	t.Helper()
	if got, want := o.Output, output; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
	if got, want := o.Exit, exit; got != want {
		t.Errorf("exit = %v, want %v (stderr %q)", got, want, o.Stderr)
	}
	if !strings.HasPrefix(o.Stderr, stderr) {
		t.Errorf("stderr = %q, want prefix %q", o.Stderr, stderr)
	}
}

func TestRuntimeStrategy(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		output string
		exit   trace.ExitKind
		stderr string // prefix
		killed int
		leaked []string // reasons
	}{
		{desc: "counter: Go's run-next order", prog: counter,
			output: "Worker 3 starting\nWorker 1 starting\nWorker 2 starting\nWorker 2 done\nWorker 3 done\nWorker 1 done\n", exit: trace.ExitOK},
		{desc: "race to the exit", prog: raceToExit, output: "Exiting...\n", exit: trace.ExitOK, killed: 1},
		{desc: "Add inside the goroutine", prog: addInside, output: "all done\n", exit: trace.ExitOK, killed: 3},
		{desc: "forgotten Done", prog: forgottenDone, exit: trace.ExitDeadlock, killed: 1,
			stderr: "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:"},
		{desc: "negative counter", prog: negative, exit: trace.ExitPanic, stderr: "panic: sync: negative WaitGroup counter\n\ngoroutine 1 [running]:"},
		{desc: "unbuffered channel", prog: unbuffered, output: "got 1\ngot 2\ngot 3\n", exit: trace.ExitOK},
		{desc: "buffered channel", prog: buffered, output: "2 2\na b\n", exit: trace.ExitOK},
		{desc: "select with timeout", prog: selectTimeout, output: "timeout\n", exit: trace.ExitOK, leaked: []string{"chan send"}},
		{desc: "select with default", prog: selectDefault, output: "sent 0\nfull 1\nfull 2\n", exit: trace.ExitOK},
		{desc: "send nobody receives", prog: sendNobody, output: "bye\n", exit: trace.ExitOK, leaked: []string{"chan send"}},
		{desc: "eternal ticker", prog: eternalTicker, output: "cleanup\ncleanup\nmain done\n", exit: trace.ExitOK, leaked: []string{"loops forever on chan receive"}},
		{desc: "context-aware worker", prog: contextWorker, output: "tick\ntick\nstopping: context canceled\n", exit: trace.ExitOK},
		{desc: "context timeout", prog: timeout, output: "context deadline exceeded true 50.000001ms\n", exit: trace.ExitOK},
		{desc: "panic runs defers first", prog: panicky, output: "deferred\n", exit: trace.ExitPanic, stderr: "panic: boom\n"},
		{desc: "recover in worker", prog: recovered, output: "recovered: assignment to entry in nil map\nstill alive\n", exit: trace.ExitOK},
		{desc: "close of closed channel", prog: closeClosed, exit: trace.ExitPanic, stderr: "panic: close of closed channel\n"},
		{desc: "mutex", prog: mutexCounter, output: "5 1\n", exit: trace.ExitOK},
		{desc: "os.Exit skips defers", prog: exit3, exit: trace.ExitOS, killed: 2},
		{desc: "empty select deadlocks", prog: selectForever, exit: trace.ExitDeadlock, killed: 1,
			stderr: "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [select (no cases)]:"},
		{desc: "Gosched lets the other run", prog: gosched, output: "other\nmain\n", exit: trace.ExitOK},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			tr := run(t, tc.prog, sim.Options{})
			o := tr.Outcome
			checkOutcome(t, o, tc.output, tc.exit, tc.stderr)
			if got, want := len(o.Killed), tc.killed; got != want {
				t.Errorf("killed = %v, want %d of them", o.Killed, want)
			}
			var reasons []string
			for _, l := range o.Leaked {
				reasons = append(reasons, l.Reason)
			}
			if got, want := strings.Join(reasons, ","), strings.Join(tc.leaked, ","); got != want {
				t.Errorf("leaked = %v, want %v", o.Leaked, tc.leaked)
			}
		})
	}
}

func TestStepLimit(t *testing.T) {
	tr := run(t, spin, sim.Options{StepLimit: 1000})
	if got, want := tr.Outcome.Exit, trace.ExitStepLimit; got != want {
		t.Fatalf("exit = %v, want %v", got, want)
	}
	if got, want := tr.Outcome.Stderr, "lanes: stopped after 1,000 steps\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
}

func TestCancel(t *testing.T) {
	for _, tc := range []struct {
		desc  string
		prog  func()
		close bool
		exit  trace.ExitKind
	}{
		{desc: "a closed Cancel stops a run that never ends", prog: spin, close: true, exit: trace.ExitCancelled},
		{desc: "an open Cancel changes nothing", prog: spin, exit: trace.ExitStepLimit},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			cancel := make(chan struct{})
			if tc.close {
				close(cancel)
			}
			tr := run(t, tc.prog, sim.Options{StepLimit: 100_000, Cancel: cancel})
			if got, want := tr.Outcome.Exit, tc.exit; got != want {
				t.Fatalf("exit = %v, want %v", got, want)
			}
			if tc.exit == trace.ExitCancelled {
				if got, want := tr.Outcome.Stderr, "lanes: stopped: cancelled\n"; got != want {
					t.Errorf("stderr = %q, want %q", got, want)
				}
				if got := tr.Outcome.Steps; got > 2048 {
					t.Errorf("stopped after %d steps, want at most 2048 (Cancel is looked at every 1,024)", got)
				}
			}
		})
	}
}

func TestDeterminism(t *testing.T) {
	for _, name := range sim.StrategyNames() {
		for seed := int64(0); seed < 5; seed++ {
			encode := func() []byte {
				s, _ := sim.NewStrategy(name)
				var b bytes.Buffer
				if err := trace.Encode(&b, run(t, addInside, sim.Options{Strategy: s, Seed: seed})); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			if a, b := encode(), encode(); !bytes.Equal(a, b) {
				t.Errorf("%s seed %d: two runs differ", name, seed)
			}
		}
	}
}

func TestRandomFindsBothOutcomes(t *testing.T) {
	outputs := map[string]int{}
	for seed := int64(0); seed < 200; seed++ {
		tr := run(t, addInside, sim.Options{Strategy: sim.Random(), Seed: seed})
		outputs[tr.Outcome.Output]++
	}
	if outputs["all done\n"] == 0 || len(outputs) < 3 {
		t.Errorf("random schedules gave %v, want several outcomes including early exit", outputs)
	}
}

func TestReplay(t *testing.T) {
	for seed := int64(0); seed < 20; seed++ {
		a := run(t, addInside, sim.Options{Strategy: sim.Random(), Seed: seed})
		b := run(t, addInside, sim.Options{Strategy: sim.Replay(a.Choices), Seed: seed})
		if a.Outcome.Output != b.Outcome.Output || len(a.Events) != len(b.Events) {
			t.Errorf("seed %d: replay gave %q (%d events), want %q (%d events)", seed,
				b.Outcome.Output, len(b.Events), a.Outcome.Output, len(a.Events))
		}
	}
}
