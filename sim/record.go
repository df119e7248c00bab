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

// callerLine returns the line, in the shown program, of the innermost caller
// outside the simulator's own packages. The caller of the mirror method that
// called Begin is 4 frames up; three PCs from there cover every mirror
// (fmt.Println → sim.Print, errgroup.Go → sim.Go) and key a cache, so the
// frames are resolved once per call site.
func (r *run) callerLine() int32 {
	var pcs [3]uintptr
	n := runtime.Callers(4, pcs[:])
	if l, ok := lineCache[pcs]; ok {
		return l
	}
	line := int32(0)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if f.Function != "" && !simFunc(f.Function) {
			line = int32(f.Line)
			break
		}
		if !more {
			break
		}
	}
	lineCache[pcs] = line
	return line
}

// simFunc reports whether fn belongs to the simulator, its mirrors or the
// Go runtime (deferreturn, gopanic), which events never point at.
func simFunc(fn string) bool {
	return strings.HasPrefix(fn, "lanes/sim.") || strings.HasPrefix(fn, "lanes/sim/") ||
		strings.HasPrefix(fn, "runtime.")
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
