package registry_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/sim"
	"lanes/sim/trace"
)

// runs is what a claim is checked against: the runtime strategy's trace
// (the lesson's first view) and every trace of many random and PCT
// schedules.
type runs struct {
	runtime *trace.Trace
	all     []*trace.Trace
}

// schedules is how many random and how many PCT schedules each variant is
// checked over; the four over-concurrency programs (1,000 goroutines each,
// ~60 ms a run) get heavy.
const schedules, heavy = 500, 30

func collect(t *testing.T, slug, variant string) runs {
	t.Helper()
	l, ok := registry.Find(slug)
	if !ok {
		t.Fatalf("no lesson %q", slug)
	}
	v, ok := l.Variant(variant)
	if !ok {
		t.Fatalf("no variant %s/%s", slug, variant)
	}
	n := schedules
	if slug == "over-concurrency" {
		n = heavy
	}
	if testing.Short() {
		n = min(n, 50)
	}
	rs := runs{runtime: sim.Run(v.Main, sim.Options{Program: "main.go"})}
	rs.all = append(rs.all, rs.runtime)
	for i := 0; i < n; i++ {
		rs.all = append(rs.all,
			sim.Run(v.Main, sim.Options{Program: "main.go", Strategy: sim.Random(), Seed: int64(i), NoStatements: true}),
			sim.Run(v.Main, sim.Options{Program: "main.go", Strategy: sim.PCT(3), Seed: int64(i), NoStatements: true}))
	}
	for _, tr := range rs.all {
		if err := trace.Validate(tr); err != nil {
			t.Fatalf("%s/%s seed %d (%s): Validate: %v", slug, variant, tr.Seed, tr.Strategy, err)
		}
	}
	return rs
}

// every checks pred on every run and reports the first that fails.
func (rs runs) every(t *testing.T, claim string, pred func(*trace.Trace) bool) {
	t.Helper()
	for _, tr := range rs.all {
		if !pred(tr) {
			t.Errorf("%s: fails with %s seed %d: output %q, exit %v, killed %v", claim, tr.Strategy, tr.Seed,
				tr.Outcome.Output, tr.Outcome.Exit, tr.Outcome.Killed)
			return
		}
	}
}

// slipped reports whether time slipped in the run: the clock jumped to a
// timer while goroutines could still run, as on a loaded machine.
func slipped(tr *trace.Trace) bool {
	return slices.ContainsFunc(tr.Events, func(e trace.Event) bool { return e.Kind == trace.KindTimeSlip })
}

// onTime keeps the runs in which every timer fired on time (no time slip),
// as on an idle machine: what a claim about sleeps can promise.
func (rs runs) onTime() runs {
	out := runs{runtime: rs.runtime}
	for _, tr := range rs.all {
		if !slipped(tr) {
			out.all = append(out.all, tr)
		}
	}
	return out
}

// some checks that pred holds in at least one run.
func (rs runs) some(t *testing.T, claim string, pred func(*trace.Trace) bool) {
	t.Helper()
	if !slices.ContainsFunc(rs.all, pred) {
		t.Errorf("%s: no schedule of %d does it", claim, len(rs.all))
	}
}

// outputs counts the distinct outputs of all runs.
func (rs runs) outputs() map[string]int {
	m := map[string]int{}
	for _, tr := range rs.all {
		m[tr.Outcome.Output]++
	}
	return m
}

func has(s string) func(*trace.Trace) bool {
	return func(tr *trace.Trace) bool { return strings.Contains(tr.Outcome.Output, s) }
}

func lacks(s string) func(*trace.Trace) bool {
	return func(tr *trace.Trace) bool { return !strings.Contains(tr.Outcome.Output, s) }
}

func exits(k trace.ExitKind, stderr string) func(*trace.Trace) bool {
	return func(tr *trace.Trace) bool {
		return tr.Outcome.Exit == k && strings.HasPrefix(tr.Outcome.Stderr, stderr)
	}
}

// events returns the events of the given kind.
func events(tr *trace.Trace, k trace.Kind) []trace.Event {
	var out []trace.Event
	for _, e := range tr.Events {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

func counterPath(tr *trace.Trace) string {
	var b strings.Builder
	b.WriteString("0")
	for _, e := range events(tr, trace.KindWGAdd) {
		fmt.Fprintf(&b, "→%d", e.Value)
	}
	return b.String()
}

func TestRaceToExit(t *testing.T) {
	nowait := collect(t, "race-to-exit", "nowait")
	nowait.onTime().every(t, "no wait: Finished! never prints while timers fire on time", lacks("Finished!"))
	nowait.onTime().every(t, "no wait: the goroutine is killed at exit", func(tr *trace.Trace) bool { return len(tr.Outcome.Killed) == 1 })
	if l, _ := registry.Find("race-to-exit"); !strings.Contains(l.HTML, "<em>"+course.SlipLabel+"</em>") {
		t.Errorf("no wait: the lesson does not name the explorer's mark %q", course.SlipLabel)
	}
	if n := len(events(nowait.runtime, trace.KindSleep)); n != 0 {
		t.Errorf("no wait: in the run shown the worker sleeps (%d sleeps); the lesson says main exits before it has even started", n)
	}
	nowait.every(t, "no wait: Finished! prints only if the machine stalls for the worker's 50 ms", func(tr *trace.Trace) bool {
		return lacks("Finished!")(tr) || slipped(tr)
	})
	sleep := collect(t, "race-to-exit", "sleep")
	sleep.onTime().every(t, "sleep hack: 50ms of work inside a 100ms sleep prints while timers fire on time", has("Finished!\nExiting...\n"))
	sleep.some(t, "sleep hack: on a slow machine main gives up first", lacks("Finished!\nExiting...\n"))
	wg := collect(t, "race-to-exit", "waitgroup")
	wg.every(t, "WaitGroup: always prints, then exits", func(tr *trace.Trace) bool {
		return tr.Outcome.Output == "Finished!\nExiting...\n" && len(tr.Outcome.Killed) == 0
	})
}

func TestCounter(t *testing.T) {
	rs := collect(t, "counter", "workers")
	rs.onTime().every(t, "the counter goes 0→1→2→3 then down to 0 (timers on time)", func(tr *trace.Trace) bool {
		return counterPath(tr) == "0→1→2→3→2→1→0"
	})
	rs.every(t, "Wait returns exactly at the last Done", func(tr *trace.Trace) bool {
		adds, ret := events(tr, trace.KindWGAdd), events(tr, trace.KindWGReturn)
		return len(ret) == 1 && ret[0].Time == adds[len(adds)-1].Time && ret[0].Seq > adds[len(adds)-1].Seq
	})
	rs.every(t, "every worker's lines print before main continues", func(tr *trace.Trace) bool {
		out := tr.Outcome.Output
		return strings.Count(out, "Worker ") == 6 && strings.HasSuffix(out, "All workers done\n")
	})
}

func TestGoldenRule(t *testing.T) {
	inside := collect(t, "golden-rule", "add-inside")
	rt := inside.runtime
	if got := events(rt, trace.KindWGWait)[0].Value; got != 0 {
		t.Errorf("runtime: main reaches Wait with counter %d, want 0", got)
	}
	if got, want := len(rt.Outcome.Killed), 3; got != want {
		t.Errorf("runtime: %d workers killed, want %d", got, want)
	}
	outs := inside.outputs()
	complete := "worker 1 done\nworker 2 done\nworker 3 done\nall done?\n"
	if outs[complete] == 0 || outs["all done?\n"] == 0 {
		t.Errorf("over random/PCT schedules want both complete runs and runs that lose workers, got %v", outs)
	}
	l, _ := registry.Find("golden-rule")
	v, _ := l.Variant("add-inside")
	if len(v.Vet) != 1 || !strings.Contains(v.Vet[0], "WaitGroup.Add called from inside new goroutine") {
		t.Errorf("go vet's finding = %q, want the WaitGroup.Add diagnostic", v.Vet)
	}
	for _, name := range []string{"add-before", "wg-go"} {
		rs := collect(t, "golden-rule", name)
		rs.every(t, name+": every schedule completes: every worker, then all done", func(tr *trace.Trace) bool {
			lines := strings.Split(tr.Outcome.Output, "\n")
			slices.Sort(lines[:min(3, len(lines))])
			return strings.Join(lines, "\n") == "worker 1 done\nworker 2 done\nworker 3 done\nall done\n" && tr.Outcome.Exit == trace.ExitOK
		})
		rs.onTime().every(t, name+": with timers on time, in the order of their sleeps", func(tr *trace.Trace) bool {
			return tr.Outcome.Output == "worker 1 done\nworker 2 done\nworker 3 done\nall done\n"
		})
	}
}

func TestLoopTrap(t *testing.T) {
	pre := collect(t, "loop-trap", "pre122")
	if got, want := pre.runtime.Outcome.Output, "c\nc\nc\n"; got != want {
		t.Errorf("pre-1.22 under runtime: %q, want every goroutine to print the last value %q", got, want)
	}
	if got := pre.outputs(); len(got) < 2 {
		t.Errorf("pre-1.22: the shared variable should change under the goroutines' feet in some schedules, got only %v", got)
	}
	for _, name := range []string{"argument", "go122"} {
		collect(t, "loop-trap", name).every(t, name+": each value exactly once", func(tr *trace.Trace) bool {
			lines := strings.Fields(tr.Outcome.Output)
			slices.Sort(lines)
			return slices.Equal(lines, []string{"a", "b", "c"})
		})
	}
}

func TestErrgroup(t *testing.T) {
	wc := collect(t, "errgroup", "withcontext")
	wc.every(t, "Wait returns the first error", has("error: fetch /b: 404 not found\n"))
	wc.onTime().every(t, "the sibling watching ctx.Done stops early (timers on time)", has("/c stopped: context canceled\n"))
	wc.every(t, "the context is cancelled", func(tr *trace.Trace) bool { return len(events(tr, trace.KindCancel)) > 0 })
	plain := collect(t, "errgroup", "plain")
	plain.every(t, "plain Group: the siblings run to the end", has("/c ok\n"))
	limit := collect(t, "errgroup", "limit")
	limit.every(t, "SetLimit(2): never more than two in flight", func(tr *trace.Trace) bool {
		for _, e := range events(tr, trace.KindAcquire) {
			if e.Value > 2 {
				return false
			}
		}
		return len(events(tr, trace.KindAcquire)) == 5
	})
}

func TestLeaks(t *testing.T) {
	ticker := collect(t, "leaks", "ticker")
	ticker.every(t, "the eternal tickers are still alive at the end, and their count grows", func(tr *trace.Trace) bool {
		return len(tr.Outcome.Leaked) == 3 && tr.Outcome.Output == "goroutines: 2\ngoroutines: 3\ngoroutines: 4\n"
	})
	ctx := collect(t, "leaks", "context")
	ctx.onTime().every(t, "the context-aware worker exits when cancelled (timers on time)", func(tr *trace.Trace) bool {
		return len(tr.Outcome.Leaked) == 0 && tr.Outcome.Output == "goroutines: 2\ngoroutines: 2\ngoroutines: 2\n"
	})
	send := collect(t, "leaks", "blocked-send")
	send.every(t, "the losers are leaked, blocked on their send, with its line", func(tr *trace.Trace) bool {
		if len(tr.Outcome.Leaked) != 2 {
			return false
		}
		for _, l := range tr.Outcome.Leaked {
			if l.Reason != "chan send" || l.Line == 0 {
				return false
			}
		}
		return true
	})
}

func TestOverConcurrency(t *testing.T) {
	unbounded := collect(t, "over-concurrency", "unbounded")
	unbounded.onTime().every(t, "unbounded: 1,000 queries in flight at once (timers on time)", func(tr *trace.Trace) bool {
		return tr.Outcome.Output == "peak in flight: 1000\n" && tr.Outcome.PeakLive == 1001
	})
	unbounded.some(t, "unbounded: on a slow machine the first queries end before the last start", func(tr *trace.Trace) bool {
		return tr.Outcome.Output != "peak in flight: 1000\n"
	})
	for _, name := range []string{"pool", "semaphore", "chansem"} {
		rs := collect(t, "over-concurrency", name)
		rs.every(t, name+": never more than 10 in flight", func(tr *trace.Trace) bool {
			var n int
			_, err := fmt.Sscanf(tr.Outcome.Output, "peak in flight: %d\n", &n)
			return err == nil && n >= 1 && n <= 10
		})
		rs.onTime().every(t, name+": exactly 10 in flight at the peak (timers on time)", has("peak in flight: 10\n"))
	}
}

func TestPanics(t *testing.T) {
	collect(t, "panics", "crash").onTime().every(t, "a panicking worker crashes the program with Go's text (timers on time)",
		exits(trace.ExitPanic, "panic: worker 2: bad input\n\ngoroutine "))
	collect(t, "panics", "recover").onTime().every(t, "with recover the program goes on and Done still runs", func(tr *trace.Trace) bool {
		return strings.HasPrefix(tr.Outcome.Output, "recovered: worker 2: bad input\n") && strings.HasSuffix(tr.Outcome.Output, "all done\n")
	})
	ep := collect(t, "panics", "errgroup-panic")
	ep.every(t, "errgroup does not pass the panic to Wait", func(tr *trace.Trace) bool {
		return tr.Outcome.Output == "" || tr.Outcome.Output == "Wait returned: <nil>\n"
	})
	if !exits(trace.ExitPanic, "panic: task 2 failed badly")(ep.runtime) {
		t.Errorf("errgroup-panic under runtime: exit %v %q, want the crash", ep.runtime.Outcome.Exit, ep.runtime.Outcome.Stderr)
	}
}

func TestMisuse(t *testing.T) {
	fd := collect(t, "misuse", "forgotten-done")
	fd.every(t, "a forgotten Done deadlocks with Go's text, main blocked in Wait",
		exits(trace.ExitDeadlock, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [sync.WaitGroup.Wait]:"))
	collect(t, "misuse", "extra-done").every(t, "one Done too many", func(tr *trace.Trace) bool {
		// As on real Go (GOMAXPROCS=4): usually the negative counter panic;
		// sometimes main, woken by the first Done, sees the counter at -1
		// first; rarely main exits before the crash.
		return exits(trace.ExitPanic, "panic: sync: negative WaitGroup counter")(tr) ||
			exits(trace.ExitPanic, "panic: sync: WaitGroup is reused before previous Wait has returned")(tr) ||
			tr.Outcome.Exit == trace.ExitOK
	})
	if !exits(trace.ExitPanic, "panic: sync: negative WaitGroup counter")(collect(t, "misuse", "extra-done").runtime) {
		t.Errorf("extra Done under runtime should panic with Go's text")
	}
	reuse := collect(t, "misuse", "reuse")
	if !exits(trace.ExitPanic, "panic: sync: WaitGroup is reused before previous Wait has returned")(reuse.runtime) {
		t.Errorf("reuse under runtime: exit %v %q, want Go's reuse panic", reuse.runtime.Outcome.Exit, reuse.runtime.Outcome.Stderr)
	}
}

func TestChannels(t *testing.T) {
	unbuf := collect(t, "channels", "unbuffered")
	unbuf.every(t, "unbuffered: each send is handed to the receiver (an arrow between lanes)", func(tr *trace.Trace) bool {
		n := 0
		for _, e := range events(tr, trace.KindSend) {
			if e.Peer != trace.NoGoroutine {
				n++
			}
		}
		return n >= 4
	})
	buf := collect(t, "channels", "buffered")
	full := func(tr *trace.Trace) bool {
		full := false
		for _, e := range events(tr, trace.KindSend) {
			full = full || e.Value == 2
		}
		return full
	}
	if rt := buf.runtime; !full(rt) || !strings.HasPrefix(rt.Outcome.Output, "sent 1\nsent 2\n") {
		t.Errorf("buffered: on one CPU the sender runs ahead until the buffer is full: output %q", rt.Outcome.Output)
	}
	buf.every(t, "buffered: the buffer never holds more than its 2", func(tr *trace.Trace) bool {
		for _, e := range events(tr, trace.KindSend) {
			if e.Value > 2 {
				return false
			}
		}
		return true
	})
	buf.some(t, "buffered: on another CPU the receiver may take each value at once", func(tr *trace.Trace) bool { return !full(tr) })
	collect(t, "channels", "close-range").every(t, "range ends at close; a receive then gives the zero value, ok=false", has("after close: \"\", ok=false\n"))
	sel := collect(t, "channels", "select-timeout")
	sel.onTime().every(t, "select with a timeout (timers on time)", func(tr *trace.Trace) bool {
		return tr.Outcome.Output == "finished in 20ms\ngave up after 100ms\n"
	})
	sel.onTime().every(t, "select with a timeout: the job that lost is killed at exit, asleep, not leaked", func(tr *trace.Trace) bool {
		return len(tr.Outcome.Killed) == 1 && len(tr.Outcome.Leaked) == 0
	})
	sel.every(t, "select with a timeout: a job never blocks on its send (a buffer of one): no leak", func(tr *trace.Trace) bool {
		return len(tr.Outcome.Leaked) == 0
	})
}

// A panic is drawn at the panic call and a recovery at the recover call:
// the lines the code view highlights for them.
func TestPanicAndRecoverLines(t *testing.T) {
	tests := []struct {
		desc, slug, variant string
		kind                trace.Kind
		call                string // what the line holds
	}{
		{desc: "an unrecovered panic", slug: "panics", variant: "crash", kind: trace.KindPanic, call: "panic("},
		{desc: "a recovered panic", slug: "panics", variant: "recover", kind: trace.KindPanic, call: "panic("},
		{desc: "its recovery", slug: "panics", variant: "recover", kind: trace.KindRecover, call: "recover()"},
		{desc: "a panic in an errgroup task", slug: "panics", variant: "errgroup-panic", kind: trace.KindPanic, call: "panic("},
	}
	for _, tt := range tests {
		l, _ := registry.Find(tt.slug)
		v, ok := l.Variant(tt.variant)
		if !ok {
			t.Fatalf("%s: no variant %s/%s", tt.desc, tt.slug, tt.variant)
		}
		want := int32(0)
		for i, line := range strings.Split(v.Code, "\n") {
			if strings.Contains(line, tt.call) {
				want = int32(i + 1)
			}
		}
		tr := sim.Run(v.Main, sim.Options{Program: v.File})
		got := int32(-1)
		for _, e := range tr.Events {
			if e.Kind == tt.kind {
				got = e.Line
				break
			}
		}
		if got != want {
			t.Errorf("%s (%s/%s): %v event at line %d, want %d (%s)", tt.desc, tt.slug, tt.variant, tt.kind, got, want, tt.call)
		}
	}
}
