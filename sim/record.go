package sim

import (
	"runtime"
	"strings"

	"lanes/sim/trace"
)

// event appends e to the trace, filling in its number, time and (unless the
// clock is acting) the running goroutine.
func (r *run) event(e trace.Event) {
	if !r.rec || r.opts.Light || (!r.clock && r.cur != nil && r.cur.quiet && e.Kind != trace.KindExit) {
		return
	}
	e.Seq = int32(len(r.tr.Events))
	e.Time = r.now
	if r.clock {
		e.G = trace.NoGoroutine
	} else if e.G == trace.NoGoroutine && r.cur != nil {
		e.G = r.cur.id
	}
	r.tr.Events = append(r.tr.Events, e)
}

// callerLine returns the line, in the shown program, of the innermost of
// the frames skip, skip+1 and skip+2 (counted as runtime.Callers counts
// them from callerLine) that is outside the simulator's own packages, or 0.
// Three frames cover every mirror (fmt.Println → sim.Print, errgroup.Go →
// sim.Go).
func (r *run) callerLine(skip, want int) int32 {
	var pcs [3]uintptr
	n := runtime.Callers(skip, pcs[:want])
	return lineOf(&pcs, n, skip+1, want)
}

// lineOf is callerLine once runtime.Callers(skip-1, pcs[:want]) has
// returned n, skip now counting from lineOf. Walking the stack is the
// dearest part of an operation (about 1.2 µs in wasm, plus a few tenths
// per frame), so the walk stops after want frames, where the caller
// expects the program's frame, and goes on only if they all belong to the
// simulator. A PC's frame never changes: pcLines keeps its line, or
// deeper, so that frames are resolved once per call site.
func lineOf(pcs *[3]uintptr, n, skip, want int) int32 {
	for i := 0; ; i++ {
		if i == n {
			if n < want {
				return 0 // the stack ended
			}
			if n == len(pcs) {
				// Three frames of the simulator: a mirror that hands its
				// write to a real package (log.Printf, fmt.Fprintln and
				// bufio's Flush on the os mirror's Stdout) is deeper.
				return deepLine(skip + n)
			}
			n += runtime.Callers(skip+n, pcs[n:])
			if i == n {
				return 0
			}
		}
		l, ok := pcLines[pcs[i]]
		if !ok {
			l = pcLine(pcs[i])
			pcLines[pcs[i]] = l
		}
		if l != deeper {
			return l
		}
	}
}

// deepLine is lineOf's walk past its first three frames, up to 16 more.
func deepLine(skip int) int32 {
	var pcs [16]uintptr
	n := runtime.Callers(skip, pcs[:])
	for _, pc := range pcs[:n] {
		l, ok := pcLines[pc]
		if !ok {
			l = pcLine(pc)
			pcLines[pc] = l
		}
		if l != deeper {
			return l
		}
	}
	return 0
}

// pcLine returns the line of the frame of pc, a PC from runtime.Callers,
// or deeper if the frame belongs to the simulator.
func pcLine(pc uintptr) int32 {
	f, _ := runtime.CallersFrames([]uintptr{pc}).Next()
	if f.Function == "" || simFunc(f.Function) {
		return deeper
	}
	return int32(f.Line)
}

// deeper marks a PC in pcLines whose frame belongs to the simulator: the
// line is further up the stack.
const deeper = -1

// simFunc reports whether fn belongs to the simulator, its mirrors, the Go
// runtime (deferreturn, gopanic) or the real packages a mirror hands a
// write to (fmt.Fprintln, bufio.Writer.Flush, io.WriteString on the os
// mirror's Stdout), which events never point at.
func simFunc(fn string) bool {
	return strings.HasPrefix(fn, "lanes/sim.") || strings.HasPrefix(fn, "lanes/sim/") ||
		strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "fmt.") ||
		strings.HasPrefix(fn, "bufio.") || strings.HasPrefix(fn, "io.")
}

// newObj registers a synchronisation object in the trace.
func (r *run) newObj(kind trace.ObjKind, name string, line int32, cap int64) trace.ObjID {
	r.objs++
	id := trace.ObjID(r.objs)
	if !r.rec {
		return id
	}
	if name == "" {
		name = kind.String()
	}
	r.tr.Objects = append(r.tr.Objects, trace.Object{ID: id, Kind: kind, Name: name, Line: line, Cap: cap})
	return id
}
