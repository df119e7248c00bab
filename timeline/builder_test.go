package timeline

import (
	"lanes/sim/trace"
)

// builder makes hand-made traces that pass trace.Validate: it tracks who is
// running and makes every state change legal.
type builder struct {
	t       *trace.Trace
	now     trace.Time
	running trace.GoID
	st      []trace.State
	counter map[trace.ObjID]int64
}

func newBuilder(program string) *builder {
	b := &builder{t: &trace.Trace{Version: trace.Version, Program: program, Strategy: "runtime", Seed: 1},
		st: []trace.State{0, 0}, counter: map[trace.ObjID]int64{}}
	b.t.Goroutines = []trace.Goroutine{{ID: 1, Name: "main", Func: "main.main"}}
	b.state(1, trace.StateRunning, 0, "")
	return b
}

func (b *builder) add(e trace.Event) int {
	e.Seq = int32(len(b.t.Events))
	e.Time = b.now
	b.t.Events = append(b.t.Events, e)
	return int(e.Seq)
}

// ev records an event by the running goroutine.
func (b *builder) ev(e trace.Event) int {
	e.G = b.running
	return b.add(e)
}

func (b *builder) state(g trace.GoID, s trace.State, obj trace.ObjID, text string) {
	b.add(trace.Event{G: g, Kind: trace.KindState, State: s, Obj: obj, Text: text})
	b.st[g] = s
	if s == trace.StateRunning {
		b.running = g
	} else if b.running == g {
		b.running = 0
	}
}

func (b *builder) obj(kind trace.ObjKind, name string, line int32, cap int64) trace.ObjID {
	id := trace.ObjID(len(b.t.Objects) + 1)
	b.t.Objects = append(b.t.Objects, trace.Object{ID: id, Kind: kind, Name: name, Line: line, Cap: cap})
	return id
}

// spawn runs a go statement in the running goroutine; the child is runnable.
func (b *builder) spawn(name string, line int32) trace.GoID {
	id := trace.GoID(len(b.t.Goroutines) + 1)
	b.t.Goroutines = append(b.t.Goroutines, trace.Goroutine{ID: id, Name: name, Parent: b.running, Line: line, Func: "main." + name})
	b.st = append(b.st, 0)
	b.ev(trace.Event{Kind: trace.KindGo, Line: line, Peer: id})
	b.state(id, trace.StateRunnable, 0, "")
	return id
}

// run hands the turn to g (the running goroutine, if any, becomes runnable).
func (b *builder) run(g trace.GoID) {
	if b.running == g {
		return
	}
	if b.running != 0 {
		b.state(b.running, trace.StateRunnable, 0, "")
	}
	b.state(g, trace.StateRunning, 0, "")
}

func (b *builder) block(obj trace.ObjID, what string) {
	b.state(b.running, trace.StateBlocked, obj, what)
}

func (b *builder) wake(g trace.GoID) { b.state(g, trace.StateRunnable, 0, "") }

func (b *builder) sleep(d trace.Time, line int32) {
	b.ev(trace.Event{Kind: trace.KindSleep, Delta: int64(d), Line: line})
	b.state(b.running, trace.StateSleeping, 0, "")
}

func (b *builder) done() { b.state(b.running, trace.StateDone, 0, "") }

func (b *builder) wgAdd(wg trace.ObjID, delta int64, line int32) {
	b.counter[wg] += delta
	b.ev(trace.Event{Kind: trace.KindWGAdd, Obj: wg, Delta: delta, Value: b.counter[wg], Line: line})
}

func (b *builder) print(text string, line int32) {
	b.ev(trace.Event{Kind: trace.KindPrint, Text: text, Line: line})
	b.t.Outcome.Output += text
}

// exit ends the run: every live goroutine is killed, or leaked when listed
// in leaks (goroutine → reason).
func (b *builder) exit(kind trace.ExitKind, why string, leaks map[trace.GoID]string) *trace.Trace {
	for g := 1; g < len(b.st); g++ {
		if !b.st[g].Alive() {
			continue
		}
		id := trace.GoID(g)
		if reason, ok := leaks[id]; ok {
			b.state(id, trace.StateLeaked, 0, "")
			b.t.Outcome.Leaked = append(b.t.Outcome.Leaked, trace.Leak{G: id, Reason: reason})
		} else {
			b.state(id, trace.StateKilled, 0, "")
			b.t.Outcome.Killed = append(b.t.Outcome.Killed, id)
		}
	}
	b.add(trace.Event{G: 1, Kind: trace.KindExit, Text: why})
	b.t.Outcome.Exit = kind
	b.t.Outcome.Duration = b.now
	b.t.Outcome.Steps = len(b.t.Events)
	return b.t
}
