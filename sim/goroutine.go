package sim

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"

	"lanes/sim/trace"
)

// Go starts fn as a new simulated goroutine named name, like a go
// statement. The rewriter evaluates the function value and its arguments
// at the go statement, as Go does, and passes a closure over them. An
// empty name is taken from fn's symbol.
func Go(name string, fn func()) {
	op, ok := Begin()
	if !ok {
		return
	}
	if name == "" {
		name = funcName(fn)
	}
	r := op.r
	r.spawn(op.g, name, op.Line, fn)
	if r.wide {
		// On another CPU the new goroutine may start at once, before its
		// parent's next statement (or the loop's post statement, which has
		// no step point of its own).
		r.yield()
	}
}

// Spawn starts fn as a goroutine whose parent is parent, from a goroutine
// or from the clock (time.AfterFunc, context.AfterFunc fire there). For
// mirrors.
func Spawn(parent *G, name string, fn func()) {
	r := mustRun()
	if name == "" {
		name = funcName(fn)
	}
	if r.clock {
		r.spawn(parent, name, 0, fn)
		return
	}
	op, ok := Begin()
	if !ok {
		return
	}
	r.spawn(op.g, name, op.Line, fn)
}

// FuncName returns the display name of a goroutine running fn, from its
// symbol: "main.worker" → "worker", "main.main.func1" → "func1".
func FuncName(fn any) string { return funcName(fn) }

// spawn creates a goroutine; parent is nil when the clock spawns
// (time.AfterFunc, context.AfterFunc).
func (r *run) spawn(parent *G, name string, line int32, fn func()) *G {
	g := r.newG(name, parent, line, fn)
	r.hbSpawn(parent, g)
	e := trace.Event{Kind: trace.KindGo, Peer: g.id, Line: line}
	if parent != nil {
		e.G = parent.id
	}
	r.event(e)
	r.ready(g)
	return g
}

// funcName gives a goroutine's display name from its function's symbol:
// "main.worker" → "worker", "main.main.func1" → "func1".
func funcName(fn any) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return "goroutine"
	}
	name := f.Name()
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(name, "-fm")
}

// Step marks the start of a statement at line of the shown program: it is
// recorded for line stepping, counts against the step limit (so a loop
// without synchronisation cannot run forever), and, under the exploring
// strategies, is a scheduling point (a goroutine on another CPU may do
// anything between two statements of this one; see Strategy).
func Step(line int) {
	r := current
	if r == nil {
		return
	}
	g := r.cur
	if g == nil || g.killing {
		return
	}
	g.line, g.deferLine, g.exact = int32(line), 0, false
	r.limit()
	if r.steps-r.turnStart >= sysmonSteps && !r.afterlife {
		r.sysmon(g)
	}
	if !r.opts.NoStatements {
		r.event(trace.Event{Kind: trace.KindStmt, Line: int32(line)})
	}
	if r.wide {
		r.yield()
	}
}

// StepAt is Step for a statement whose every operation is at line: the
// rewriter emits it instead of Step for a simple statement whose calls and
// channel operations, outside function literals, are all on its first
// line and run no code of the program's own (see sim/rewrite). Until the next
// Step, StepAt, Unmark or DeferLine, operations take their line from it
// instead of walking the call stack, unless Options.WalkLines.
//
// The rewriter keeps the mark from outliving the statement: the statement
// calls no program code (whose statements would move the mark), the next
// statement of the list starts with Step or StepAt, the last one of a list
// is followed by Unmark, and every deferred call of the program, which a
// panic or runtime.Goexit in the statement would run, is preceded by
// DeferLine, which clears the mark (as mirrors do before their own
// deferred operations).
func StepAt(line int) {
	Step(line)
	if r := current; r != nil && r.cur != nil && !r.cur.killing {
		r.cur.exact = true
	}
}

// Unmark ends the statement StepAt marked: the rewriter emits it after the
// last statement of a list when that statement was a StepAt one, so that
// what runs next without a Step of its own (a loop's condition and post
// statement, the caller's statement after a return) walks the stack.
func Unmark() {
	if r := current; r != nil && r.cur != nil {
		r.cur.exact = false
	}
}

// DeferLine is deferred right after a deferred call, so that it runs just
// before it: the deferred call's operation then reports the defer
// statement's line rather than the line where the function returned. It
// also ends a StepAt mark (see StepAt).
func DeferLine(line int) {
	if r := current; r != nil && r.cur != nil {
		r.cur.deferLine = int32(line)
		r.cur.exact = false
	}
}

// Panic records a panic and panics with v, like the builtin panic.
func Panic(v any) {
	if r := current; r != nil && r.cur != nil && !r.cur.killing {
		g := r.cur
		r.event(trace.Event{Kind: trace.KindPanic, Text: panicText(v), Line: r.callerLine(3, 1)})
		g.panicking = true
	}
	panic(v)
}

// Recover records a recovered panic and returns v; the rewriter turns
// recover() into sim.Recover(recover()) so that recover is still called
// directly by the deferred function.
func Recover(v any) any {
	if v == nil {
		return nil
	}
	if r := current; r != nil && r.cur != nil && !r.cur.killing {
		r.cur.panicking = false
		r.event(trace.Event{Kind: trace.KindRecover, Text: panicText(v), Line: r.callerLine(3, 1)})
	}
	return v
}

// crash ends the program because g panicked with p and nobody recovered.
func (r *run) crash(g *G, p any) {
	text := panicText(p)
	if !g.panicking {
		r.event(trace.Event{Kind: trace.KindPanic, G: g.id, Text: text, Line: g.line})
	}
	r.setState(g, trace.StateDone, trace.NoObject, "")
	stderr := fmt.Sprintf("panic: %s\n\ngoroutine %d [running]:\n", text, g.id)
	if g.line != 0 {
		stderr += fmt.Sprintf("main.%s()\n\t%s:%d\n", r.tr.Goroutines[g.id-1].Name, r.opts.Program, g.line)
	}
	r.finish(trace.ExitPanic, 2, stderr)
}

// panicText prints a panic value as Go's runtime does.
func panicText(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr,
		float32, float64, complex64, complex128:
		return printBasic(v)
	}
	t := reflect.TypeOf(v)
	rv := reflect.ValueOf(v)
	switch t.Kind() {
	case reflect.String:
		return fmt.Sprintf("%s(%q)", t.String(), rv.String())
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return fmt.Sprintf("%s(%v)", t.String(), rv)
	}
	return fmt.Sprintf("(%s) %p", t.String(), &v)
}

// printBasic formats basic values as the runtime's print does (floats in
// its exponent form).
func printBasic(v any) string {
	switch v := v.(type) {
	case float64:
		return fmt.Sprintf("%+e", v)
	case float32:
		return fmt.Sprintf("%+e", float64(v))
	case complex128:
		return fmt.Sprintf("(%+e%+ei)", real(v), imag(v))
	case complex64:
		return fmt.Sprintf("(%+e%+ei)", real(v), imag(v))
	}
	return fmt.Sprint(v)
}

// deadlock ends a program in which nothing can ever run again.
func (r *run) deadlock() {
	if r.afterlife {
		r.finish(trace.ExitNone, 0, "")
		return
	}
	main := r.gs[0]
	if !main.state.Alive() {
		r.finish(trace.ExitDeadlock, 2, "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n")
		return
	}
	var b strings.Builder
	b.WriteString("fatal error: all goroutines are asleep - deadlock!\n")
	for _, g := range r.gs {
		if g.state.Alive() {
			fmt.Fprintf(&b, "\ngoroutine %d [%s]:\n", g.id, g.blockWhat)
			if g.blockLine != 0 {
				fmt.Fprintf(&b, "main.%s()\n\t%s:%d\n", r.tr.Goroutines[g.id-1].Name, r.opts.Program, g.blockLine)
			}
		}
	}
	r.finish(trace.ExitDeadlock, 2, b.String())
}
