package sim

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"lanes/sim/trace"
)

// This file gives goroutines and objects the names the program gives
// them, so that a timeline reads `worker(1, &wg)` and `wg`, not `func1`
// and `waitgroup 2`.

// Name records name, the variable the program declares it as ("wg",
// "jobs", "d.mu", "ctx"), for the object at x: a pointer to a mirror value
// (&wg, a *sync.WaitGroup), a channel, a context, or a *time.Timer or
// *time.Ticker (its channel C). The rewriter calls it after each
// declaration of such a variable. An object already registered is renamed
// in the trace; any other takes the name when it is first used (see
// Obj.UseFor). The first name the program gives an object is kept; it
// replaces the name of the call that made it ("time.After (line 14)", see
// CallName).
func Name(x any, name string) {
	r := current
	if r == nil || x == nil || name == "" {
		return
	}
	x = timerChan(x)
	if n, ok := x.(interface{ NameObj() *Obj }); ok {
		o := n.NameObj()
		if o == nil {
			return
		}
		if o.epoch != r.epoch {
			goto later
		}
		if r.rec && o.id >= 1 && int(o.id) <= len(r.tr.Objects) {
			obj := &r.tr.Objects[o.id-1]
			if obj.ID == o.id && !o.named {
				obj.Name = name
			}
		}
		o.named = true
		return
	}
later:
	if v := reflect.ValueOf(x); v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	if r.names == nil {
		r.names = map[any]string{}
	}
	if _, ok := r.names[x]; !ok {
		r.names[x] = name
	}
}

// timerChan is the channel C of a *time.Timer or *time.Ticker (a struct
// whose field C is a channel), else x. A nil pointer stays nil.
func timerChan(x any) any {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return x
	}
	if v.IsNil() {
		return nil
	}
	f := v.Elem().FieldByName("C")
	if !f.IsValid() || !f.CanInterface() {
		return x
	}
	if c, ok := f.Interface().(interface{ NameObj() *Obj }); ok {
		return c
	}
	return x
}

// CallName is the name of an object the program made by a call without
// naming it: the call and its line, "time.After (line 14)".
func CallName(call string, line int32) string {
	if line <= 0 {
		return call
	}
	return call + " (line " + strconv.Itoa(int(line)) + ")"
}

// UseCall is Use for an object made by the call named call at line
// callLine (see CallName): it takes the name the program gave owner, if
// any, else the call's, which a later Name replaces.
func (o *Obj) UseCall(owner any, kind trace.ObjKind, call string, callLine, line int32, cap int64) (id trace.ObjID, fresh bool) {
	r := mustRun()
	if o.epoch == r.epoch {
		return o.id, false
	}
	if name := r.names[owner]; name != "" || call == "" {
		return o.Use(kind, name, line, cap)
	}
	id, fresh = o.Use(kind, CallName(call, callLine), line, cap)
	o.named = false
	return id, fresh
}

// NameObj is the object itself, for Name (a context's, say).
func (o *Obj) NameObj() *Obj { return o }

// CallerLine is the line of the program that called the mirror calling
// it, found without a scheduling point (0 outside a run or on the clock).
func CallerLine() int32 {
	if r := current; r == nil || r.clock || r.cur == nil {
		return 0
	}
	return deepLine(3)
}

// UseFor is Use for the object embedded in the mirror value at owner
// (the pointer the mirror's methods have): the object takes the name the
// program gave owner (see Name), or kind and a number.
func (o *Obj) UseFor(owner any, kind trace.ObjKind, line int32, cap int64) (id trace.ObjID, fresh bool) {
	r := mustRun()
	if o.epoch == r.epoch {
		return o.id, false
	}
	return o.Use(kind, r.names[owner], line, cap)
}

// Src is an argument of a go statement shown as the program spells it
// (&wg, jobs), where its value says nothing to a reader.
type Src string

// GoCall is Go for the go statement `go call(args…)`: the goroutine's
// call is recorded with the values of its simple arguments (numbers,
// strings, booleans; the others are Src), e.g. worker(1, &wg).
func GoCall(name, call string, args []any, fn func()) {
	op, ok := Begin()
	if !ok {
		return
	}
	r := op.r
	g := r.spawn(op.g, name, op.Line, fn)
	if r.rec && int(g.id) <= len(r.tr.Goroutines) {
		r.tr.Goroutines[g.id-1].Call = FormatCall(call, args...)
	}
	if r.wide {
		r.yield()
	}
}

// Capture is a loop variable a function literal uses, shown after the
// call with its value when the goroutine starts: `func i=2`.
type Capture struct {
	Name  string
	Value any
}

// NextCall names the next goroutine the running goroutine starts through
// a mirror (wg.Go(func() {…}), g.Go): the rewriter calls it before such a
// statement when the literal uses loop variables.
func NextCall(fun string, args ...any) {
	if r := current; r != nil && r.cur != nil && r.rec {
		r.cur.nextCall = FormatCall(fun, args...)
	}
}

// FormatCall spells a call for display: FormatCall("worker", 1, Src("&wg"))
// is `worker(1, &wg)`. Strings are quoted and cut after 12 characters.
// Captures follow the call: a function literal without arguments that
// uses the loop variable i is `func i=2`.
func FormatCall(fun string, args ...any) string {
	var b strings.Builder
	b.WriteString(fun)
	n := 0
	for _, a := range args {
		if _, ok := a.(Capture); ok {
			continue
		}
		if n == 0 {
			b.WriteByte('(')
		} else {
			b.WriteString(", ")
		}
		n++
		b.WriteString(argString(a))
	}
	if n > 0 || fun != "func" {
		if n == 0 {
			b.WriteByte('(')
		}
		b.WriteByte(')')
	}
	for _, a := range args {
		if c, ok := a.(Capture); ok {
			b.WriteString(" " + c.Name + "=" + argString(c.Value))
		}
	}
	return b.String()
}

func argString(a any) string {
	if s, ok := a.(Src); ok {
		return string(s)
	}
	v := reflect.ValueOf(a)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', 4, 64)
	case reflect.String:
		s := v.String()
		if utf8.RuneCountInString(s) > 12 {
			s = string([]rune(s)[:12]) + "…"
		}
		return strconv.Quote(s)
	}
	return "…"
}

// objName is the name o has in r's trace so far, or its kind's word when
// it is not registered there.
func objName(r *run, o *Obj) string {
	if o.epoch == r.epoch && r.rec && o.id >= 1 && int(o.id) <= len(r.tr.Objects) {
		return r.tr.Objects[o.id-1].Name
	}
	return "context"
}

// CallNamed renames the object at x (see Name), registered in this run
// and not named by the program, after the call named call that made it:
// errgroup.WithContext's context is "errgroup.WithContext (line 27)", not
// the context.WithCancelCause it calls.
func CallNamed(x any, call string) {
	r := current
	n, ok := x.(interface{ NameObj() *Obj })
	if r == nil || !ok || !r.rec {
		return
	}
	o := n.NameObj()
	if o == nil || o.named || o.epoch != r.epoch || o.id < 1 || int(o.id) > len(r.tr.Objects) {
		return
	}
	obj := &r.tr.Objects[o.id-1]
	obj.Name = CallName(call, obj.Line)
}
