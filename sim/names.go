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
// "jobs", "d.mu"), for the object at x: a pointer to a mirror value
// (&wg, a *sync.WaitGroup) or a channel. The rewriter calls it after each
// declaration of such a variable. A channel already made is renamed in
// the trace; any other object takes the name when it is first used (see
// Obj.UseFor). The first name an object gets is kept.
func Name(x any, name string) {
	r := current
	if r == nil || x == nil || name == "" {
		return
	}
	if n, ok := x.(interface{ namedObj() *Obj }); ok {
		o := n.namedObj()
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
