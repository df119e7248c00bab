package timeline

import (
	"strconv"

	"lanes/sim/trace"
)

const second = trace.Time(1e9)

// waitGroupTrace: main adds 1 and starts a worker, three times, then
// waits; each worker prints, sleeps 1s, prints and calls Done.
func waitGroupTrace() *trace.Trace {
	b := newBuilder("waitgroup.go")
	wg := b.obj(trace.ObjWaitGroup, "wg", 9, 0)
	var ws []trace.GoID
	for i := 0; i < 3; i++ {
		b.ev(trace.Event{Kind: trace.KindStmt, Line: 12})
		b.wgAdd(wg, 1, 12)
		ws = append(ws, b.spawn("worker", 13))
	}
	b.ev(trace.Event{Kind: trace.KindWGWait, Obj: wg, Value: 3, Line: 16})
	b.block(wg, "WaitGroup.Wait")
	for i, w := range ws {
		b.run(w)
		b.print("Worker "+strconv.Itoa(i+1)+" starting\n", 20)
		b.sleep(second, 21)
	}
	b.now = second
	for _, w := range ws {
		b.wake(w)
	}
	for i, w := range ws {
		b.run(w)
		b.print("Worker "+strconv.Itoa(i+1)+" done\n", 22)
		b.wgAdd(wg, -1, 23)
		if i == len(ws)-1 {
			b.wake(1)
		}
		b.done()
	}
	b.run(1)
	b.ev(trace.Event{Kind: trace.KindWGReturn, Obj: wg, Line: 16})
	b.print("All workers done\n", 17)
	b.done()
	return b.exit(trace.ExitOK, "main returned", nil)
}

// channelTrace uses every other marker: channels (handover, buffered,
// close), select, timer, context, mutex, semaphore, once, panic/recover,
// hostile print text, a goroutine killed at exit and one leaked.
func channelTrace() *trace.Trace {
	b := newBuilder("chans.go")
	jobs := b.obj(trace.ObjChan, "jobs", 5, 0)
	results := b.obj(trace.ObjChan, "results", 6, 1)
	unread := b.obj(trace.ObjChan, "unread", 7, 0)
	mu := b.obj(trace.ObjMutex, "mu", 8, 0)
	sem := b.obj(trace.ObjSemaphore, "sem", 9, 2)
	ctx := b.obj(trace.ObjContext, "ctx", 10, 0)
	tm := b.obj(trace.ObjTimer, "time.After", 11, 0)
	once := b.obj(trace.ObjOnce, "once", 12, 0)
	b.ev(trace.Event{Kind: trace.KindMake, Obj: jobs, Line: 5})
	f1 := b.spawn("func1", 14)
	f2 := b.spawn("func2", 24)
	b.block(jobs, "chan send")
	b.run(f1)
	b.ev(trace.Event{Kind: trace.KindRecv, Obj: jobs, Peer: 1, Text: "1", Delta: 1, Line: 15})
	b.wake(1)
	b.ev(trace.Event{Kind: trace.KindLock, Obj: mu, Text: "Lock", Line: 16})
	b.print("got 1\n", 17)
	b.ev(trace.Event{Kind: trace.KindUnlock, Obj: mu, Text: "Unlock", Line: 18})
	b.ev(trace.Event{Kind: trace.KindAcquire, Obj: sem, Delta: 1, Value: 1, Line: 19})
	b.ev(trace.Event{Kind: trace.KindRelease, Obj: sem, Delta: 1, Value: 0, Line: 20})
	b.ev(trace.Event{Kind: trace.KindOnce, Obj: once, Line: 21})
	b.block(jobs, "chan receive")
	b.run(1)
	b.ev(trace.Event{Kind: trace.KindSend, Obj: jobs, Peer: f1, Text: "1", Line: 30})
	b.sleep(second/2, 31)
	b.run(f2)
	b.ev(trace.Event{Kind: trace.KindSend, Obj: results, Text: "42", Value: 1, Line: 25})
	b.block(unread, "chan send")
	b.now = second / 2
	b.add(trace.Event{Kind: trace.KindTimer, Obj: tm})
	b.add(trace.Event{Kind: trace.KindCancel, Obj: ctx, Text: "context deadline exceeded"})
	b.wake(1)
	b.run(1)
	b.ev(trace.Event{Kind: trace.KindSelect, Obj: results, Value: 0, Line: 33})
	b.ev(trace.Event{Kind: trace.KindRecv, Obj: results, Text: "42", Delta: 1, Line: 34})
	b.ev(trace.Event{Kind: trace.KindClose, Obj: jobs, Line: 35})
	b.wake(f1)
	b.ev(trace.Event{Kind: trace.KindPanic, Text: "boom", Line: 36})
	b.ev(trace.Event{Kind: trace.KindRecover, Text: "boom", Line: 38})
	b.print("<script>alert(\"x\")</script> & 'q' \x01\xff done\n", 40)
	b.done()
	return b.exit(trace.ExitOK, "main returned", map[trace.GoID]string{f2: "chan send"})
}

// panicTrace: a worker panics while main waits.
func panicTrace() *trace.Trace {
	b := newBuilder("panic.go")
	wg := b.obj(trace.ObjWaitGroup, "WaitGroup 1", 5, 0)
	b.wgAdd(wg, 1, 7)
	w := b.spawn("worker", 8)
	b.ev(trace.Event{Kind: trace.KindWGWait, Obj: wg, Value: 1, Line: 10})
	b.block(wg, "WaitGroup.Wait")
	b.run(w)
	b.print("working\n", 14)
	b.ev(trace.Event{Kind: trace.KindPanic, Text: "boom", Line: 15})
	b.t.Outcome.Stderr = "panic: boom\n\ngoroutine 2 [running]:\n"
	b.t.Outcome.Code = 2
	return b.exit(trace.ExitPanic, "panic: boom", nil)
}

// manyTrace: main starts n goroutines (alternately "worker" and
// "helper"), each sleeps i ms, then main returns at once at 3ms... leaving
// the late ones killed.
func manyTrace(n int, eventsPer int) *trace.Trace {
	b := newBuilder("many.go")
	wg := b.obj(trace.ObjWaitGroup, "wg", 5, 0)
	sem := b.obj(trace.ObjSemaphore, "sem", 6, 4)
	names := []string{"worker", "helper", "fetch"}
	var gs []trace.GoID
	for i := 0; i < n; i++ {
		b.wgAdd(wg, 1, 8)
		gs = append(gs, b.spawn(names[i%len(names)], 9))
	}
	for i, g := range gs {
		b.run(g)
		for j := 0; j < eventsPer; j++ {
			b.ev(trace.Event{Kind: trace.KindStmt, Line: 12})
		}
		b.ev(trace.Event{Kind: trace.KindAcquire, Obj: sem, Delta: 1, Value: 1, Line: 13})
		b.ev(trace.Event{Kind: trace.KindRelease, Obj: sem, Delta: 1, Value: 0, Line: 14})
		b.sleep(trace.Time(i%7+1)*1e6, 15)
	}
	for ms := trace.Time(1); ms <= 3; ms++ {
		b.now = ms * 1e6
		for i, g := range gs {
			if trace.Time(i%7+1) == ms {
				b.wake(g)
			}
		}
		for i, g := range gs {
			if trace.Time(i%7+1) == ms {
				b.run(g)
				b.wgAdd(wg, -1, 16)
				b.done()
			}
		}
	}
	b.run(1)
	b.done()
	return b.exit(trace.ExitOK, "main returned", nil)
}
