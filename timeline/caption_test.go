package timeline

import (
	"fmt"
	"testing"

	"lanes/sim/trace"
)

func TestCaption(t *testing.T) {
	wg, ch, pn := waitGroupTrace(), channelTrace(), panicTrace()
	tests := []struct {
		desc string
		t    *trace.Trace
		seq  int
		want string
	}{
		{"first state", wg, 0, "main: runs"},
		{"statement", wg, 1, "main: line 12"},
		{"Add", wg, 2, "main: wg.Add(1) — counter 0 → 1"},
		{"go", wg, 11, "main: go worker → worker 3 (goroutine 4)"},
		{"child runnable", wg, 12, "worker 3: runnable"},
		{"Wait blocks", wg, 13, "main: wg.Wait() — counter 3, blocks"},
		{"blocked on a WaitGroup", wg, 14, "main: blocked on WaitGroup.Wait (wg)"},
		{"print", wg, 16, `worker 1: prints "Worker 1 starting"`},
		{"sleep", wg, 17, "worker 1: time.Sleep(1s)"},
		{"sleeping", wg, 18, "worker 1: sleeping"},
		{"Done", wg, 36, "worker 2: wg.Done() — counter 2 → 1"},
		{"last Done wakes main", wg, 40, "worker 3: wg.Done() — counter 1 → 0, main's Wait returns"},
		{"done", wg, 42, "worker 3: returns (done)"},
		{"Wait returns", wg, 44, "main: wg.Wait() returns"},
		{"exit", wg, 47, "program exits: main returned"},
		{"make", ch, 1, "main: make jobs"},
		{"blocked on send", ch, 6, "main: blocked on chan send (jobs)"},
		{"receive handed over", ch, 8, "func 1: receive 1 from jobs ← main"},
		{"Lock", ch, 10, "func 1: mu.Lock()"},
		{"Unlock", ch, 12, "func 1: mu.Unlock()"},
		{"acquire", ch, 13, "func 1: acquire 1 of sem — 1/2 in use"},
		{"release", ch, 14, "func 1: release 1 of sem — 0/2 in use"},
		{"once", ch, 15, "func 1: once.Do runs its function"},
		{"blocked on receive", ch, 16, "func 1: blocked on chan receive (jobs)"},
		{"send handed over", ch, 18, "main: send 1 on jobs → func 1"},
		{"buffered send", ch, 22, "func 2: send 42 on results (buffer 1/1)"},
		{"timer", ch, 24, "timer fires (time.After)"},
		{"deadline", ch, 25, "context cancelled (ctx): context deadline exceeded"},
		{"select", ch, 28, "main: select chose case 0 (results)"},
		{"buffered receive", ch, 29, "main: receive 42 from results"},
		{"close", ch, 30, "main: close(jobs)"},
		{"panic", ch, 32, "main: panic: boom"},
		{"recover", ch, 33, "main: recover() = boom"},
		{"killed", ch, 36, "func 1: killed at exit"},
		{"leaked", ch, 37, "func 2: leaked: chan send forever"},
		{"Wait on a WaitGroup without a variable name", pn, 4, "main: wg.Wait() — counter 1, blocks"},
		{"panic exit", pn, len(pn.Events) - 1, "program exits: panic: boom"},
		{"out of range", wg, -1, ""},
		{"past the end", wg, len(wg.Events), ""},
	}
	for _, tc := range tests {
		if got := Caption(tc.t, tc.seq); got != tc.want {
			t.Errorf("%s: Caption(%d) = %q, want %q", tc.desc, tc.seq, got, tc.want)
		}
	}
}

func ExampleCaption() {
	t := waitGroupTrace()
	for _, seq := range []int{10, 11, 31, 40, 44} {
		fmt.Println(Caption(t, seq))
	}
	// Output:
	// main: wg.Add(1) — counter 2 → 3
	// main: go worker → worker 3 (goroutine 4)
	// worker 1: prints "Worker 1 done"
	// worker 3: wg.Done() — counter 1 → 0, main's Wait returns
	// main: wg.Wait() returns
}

// TestNames: goroutines with the same name are numbered; after loop
// variables the number is marked, so that it does not read as a value.
func TestNames(t *testing.T) {
	tests := []struct {
		desc  string
		calls []string
		want  []string
	}{
		{desc: "unique names stay", calls: []string{"worker(1)", "worker(2)"}, want: []string{"worker(1)", "worker(2)"}},
		{desc: "the same call twice", calls: []string{"worker", "worker"}, want: []string{"worker 1", "worker 2"}},
		{desc: "a function literal's loop variable, the same statement run twice",
			calls: []string{"func i=0", "func i=1", "func i=0"}, want: []string{"func i=0 #1", "func i=1", "func i=0 #2"}},
	}
	for _, tt := range tests {
		tr := &trace.Trace{Goroutines: []trace.Goroutine{{ID: 1, Name: "main"}}}
		for i, c := range tt.calls {
			tr.Goroutines = append(tr.Goroutines, trace.Goroutine{ID: trace.GoID(i + 2), Name: "x", Parent: 1, Call: c})
		}
		got := Names(tr)[2:]
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: %q, want %q", tt.desc, got, tt.want)
		}
	}
}
