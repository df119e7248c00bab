// Package context mirrors the standard library's context for simulated
// programs. A context's Done channel is a simulated channel (a
// *sim.Chan[struct{}]), so a select on ctx.Done() blocks and wakes on the
// virtual clock; deadlines and timeouts are virtual times. Cancelling a
// context records a cancel event; its children are cancelled with it. As
// in Go, a context derived from a Context of the program's own (not one
// made here, nor wrapping one with the same Done) is cancelled by a
// goroutine that waits for the parent's Done; contexts print as Go's do
// ("context.Background.WithCancel").
//
// Canceled and DeadlineExceeded are the real error values, so errors.Is
// works as with the real package.
package context

import (
	gocontext "context"
	"reflect"
	gotime "time"

	"lanes/sim"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// Context carries a deadline, a cancellation signal and values.
type Context interface {
	Deadline() (deadline gotime.Time, ok bool)
	Done() *sim.Chan[struct{}]
	Err() error
	Value(key any) any
}

// The real error values.
var (
	Canceled         = gocontext.Canceled
	DeadlineExceeded = gocontext.DeadlineExceeded
)

// A CancelFunc cancels a context.
type CancelFunc func()

// A CancelCauseFunc cancels a context with a cause.
type CancelCauseFunc func(cause error)

type emptyCtx struct{ name string }

func (emptyCtx) Deadline() (gotime.Time, bool) { return gotime.Time{}, false }
func (emptyCtx) Done() *sim.Chan[struct{}]     { return nil }
func (emptyCtx) Err() error                    { return nil }
func (emptyCtx) Value(any) any                 { return nil }
func (e emptyCtx) String() string              { return e.name }

// Background returns the empty root context.
func Background() Context { return emptyCtx{"context.Background"} }

// TODO returns the empty root context, for code that has none yet.
func TODO() Context { return emptyCtx{"context.TODO"} }

// cancelKey makes Value return a context's own *cancelCtx.
var cancelKey int

type cancelCtx struct {
	parent   Context
	o        sim.Obj
	done     *sim.Chan[struct{}]
	err      error
	cause    error
	children []canceler
	deadline gotime.Time
	hasDL    bool
	timer    *sim.ClockTimer
}

type canceler interface {
	cancel(removeFromParent bool, err, cause error)
}

func (c *cancelCtx) Deadline() (gotime.Time, bool) {
	if c.hasDL {
		return c.deadline, true
	}
	return c.parent.Deadline()
}

func (c *cancelCtx) Done() *sim.Chan[struct{}] { return c.done }

// NameObj is the context's object, for sim.Name.
func (c *cancelCtx) NameObj() *sim.Obj { return &c.o }
func (c *cancelCtx) Err() error        { return c.err }

func (c *cancelCtx) Value(key any) any {
	if key == &cancelKey {
		return c
	}
	return c.parent.Value(key)
}

// String is Go's: "context.Background.WithCancel",
// "….WithDeadline(2009-11-10 23:00:01 +0000 UTC [1s])" (time.Until on the
// virtual clock).
func (c *cancelCtx) String() string {
	if c.hasDL {
		return contextName(c.parent) + ".WithDeadline(" + c.deadline.String() + " [" + time.Until(c.deadline).String() + "])"
	}
	return contextName(c.parent) + ".WithCancel"
}

type stringer interface{ String() string }

func contextName(c Context) string {
	if s, ok := c.(stringer); ok {
		return s.String()
	}
	return reflect.TypeOf(c).String()
}

func stringify(v any) string {
	switch s := v.(type) {
	case stringer:
		return s.String()
	case string:
		return s
	case nil:
		return "<nil>"
	}
	return reflect.TypeOf(v).String()
}

// newCancelCtx makes a context for the call named call
// ("context.WithCancel"): it is named after the call and its line until
// the program names it (ctx, cancel := …).
func newCancelCtx(parent Context, call string) *cancelCtx {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	c := &cancelCtx{parent: parent}
	c.done = sim.MakeDoneChan[struct{}](&c.o)
	line := int32(0)
	if op, ok := sim.Begin(); ok {
		line = op.Line
	}
	c.o.UseCall(c, trace.ObjContext, call, line, line, 0)
	propagateCancel(parent, c, func() *sim.Chan[struct{}] { return c.done })
	return c
}

// parentCancelCtx returns the *cancelCtx that parent is or derives from,
// if parent's Done is that context's own (a context that wraps one with a
// Done of its own is not it).
func parentCancelCtx(parent Context) (*cancelCtx, bool) {
	done := parent.Done()
	if done == nil {
		return nil, false
	}
	p, ok := parent.Value(&cancelKey).(*cancelCtx)
	if !ok || p.done != done {
		return nil, false
	}
	return p, true
}

// propagateCancel arranges for child to be cancelled when parent is, as
// Go does: at once if parent is already done; as one of its children if
// parent is (or derives from) a cancelCtx; otherwise by a goroutine that
// waits for parent's Done or for child's own (childDone, called only then).
func propagateCancel(parent Context, child canceler, childDone func() *sim.Chan[struct{}]) {
	done := parent.Done()
	if done == nil {
		return // parent is never cancelled
	}
	if p, ok := parentCancelCtx(parent); ok {
		if p.err != nil {
			child.cancel(false, p.err, p.cause)
		} else {
			p.children = append(p.children, child)
		}
		return
	}
	if sim.SelectQuiet(true, done.RecvCase()) == 0 {
		child.cancel(false, parent.Err(), Cause(parent))
		return
	}
	cd := childDone()
	sim.Go("propagateCancel", func() {
		if sim.SelectQuiet(false, done.RecvCase(), cd.RecvCase()) == 0 {
			child.cancel(false, parent.Err(), Cause(parent))
		}
	})
}

func (c *cancelCtx) cancel(removeFromParent bool, err, cause error) {
	if c.err != nil {
		return
	}
	// The scheduling point comes before anything changes, so that no
	// goroutine sees Err non-nil while Done is still open (go.dev/issue/75533).
	op, ok := sim.Begin()
	if c.err != nil {
		return // cancelled meanwhile
	}
	if cause == nil {
		cause = err
	}
	c.err, c.cause = err, cause
	if ok {
		op.Event(trace.Event{Kind: trace.KindCancel, Obj: c.o.ID(), Text: cause.Error()})
	}
	c.done.Shut()
	children := c.children
	c.children = nil
	for _, ch := range children {
		ch.cancel(false, err, cause)
	}
	if c.timer != nil {
		c.timer.Stop()
	}
	if p, ok := c.parent.Value(&cancelKey).(*cancelCtx); ok && removeFromParent {
		for i, ch := range p.children {
			if ch == canceler(c) {
				p.children = append(p.children[:i:i], p.children[i+1:]...)
				break
			}
		}
	}
}

// WithCancel returns a copy of parent with a new Done channel, closed when
// cancel is called or when parent's is.
func WithCancel(parent Context) (Context, CancelFunc) {
	c := newCancelCtx(parent, "context.WithCancel")
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithCancelCause is WithCancel whose cancel records a cause (see Cause).
func WithCancelCause(parent Context) (Context, CancelCauseFunc) {
	c := newCancelCtx(parent, "context.WithCancelCause")
	return c, func(cause error) { c.cancel(true, Canceled, cause) }
}

// WithDeadline returns a copy of parent cancelled at deadline d (virtual
// time) at the latest.
func WithDeadline(parent Context, d gotime.Time) (Context, CancelFunc) {
	return withDeadline(parent, d, nil, "context.WithDeadline")
}

// WithDeadlineCause is WithDeadline with the cause used when the deadline passes.
func WithDeadlineCause(parent Context, d gotime.Time, cause error) (Context, CancelFunc) {
	return withDeadline(parent, d, cause, "context.WithDeadlineCause")
}

// withDeadline is WithDeadlineCause made by the call named call.
func withDeadline(parent Context, d gotime.Time, cause error, call string) (Context, CancelFunc) {
	if cur, ok := parent.Deadline(); ok && cur.Before(d) {
		c := newCancelCtx(parent, call)
		return c, func() { c.cancel(true, Canceled, nil) }
	}
	c := newCancelCtx(parent, call)
	c.deadline, c.hasDL = d, true
	dur := time.Until(d)
	if dur <= 0 {
		c.cancel(true, DeadlineExceeded, cause)
		return c, func() { c.cancel(false, Canceled, nil) }
	}
	if c.err == nil {
		// At the deadline's instant, so that whoever runs after the cancel
		// observes time.Now() after d (see sim.ProgramNow).
		c.timer = sim.NewClockTimerAt(d.Sub(time.Epoch), func() { c.cancel(true, DeadlineExceeded, cause) })
	}
	return c, func() { c.cancel(true, Canceled, nil) }
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
//
// The deadline is taken from the clock's instant (sim.Now), as timers are,
// not from what the program observes after a timer fired (1ns later, see
// sim.ProgramNow): a timeout set right after a wake-up expires on the
// round instant, as a time.Sleep of the same length would.
func WithTimeout(parent Context, timeout gotime.Duration) (Context, CancelFunc) {
	return withDeadline(parent, timeoutDeadline(timeout), nil, "context.WithTimeout")
}

// timeoutDeadline is the deadline of a timeout set now.
func timeoutDeadline(timeout gotime.Duration) gotime.Time {
	if !sim.Running() {
		return time.Now().Add(timeout)
	}
	return time.Epoch.Add(sim.Now()).Add(timeout)
}

// WithTimeoutCause is WithDeadlineCause(parent, time.Now().Add(timeout), cause).
func WithTimeoutCause(parent Context, timeout gotime.Duration, cause error) (Context, CancelFunc) {
	return withDeadline(parent, timeoutDeadline(timeout), cause, "context.WithTimeoutCause")
}

// Cause returns why c was cancelled: the cause given to a CancelCauseFunc
// or deadline, else c.Err(); nil if c is not cancelled. As in Go, a custom
// Context cancelled by itself, not by the context it derives from, has
// c.Err() as its cause.
func Cause(c Context) error {
	if cc, ok := c.Value(&cancelKey).(*cancelCtx); ok && cc.cause != nil {
		return cc.cause
	}
	return c.Err()
}

type valueCtx struct {
	Context
	key, val any
}

func (c *valueCtx) String() string {
	return contextName(c.Context) + ".WithValue(" + stringify(c.key) + ", " + stringify(c.val) + ")"
}

func (c *valueCtx) Value(key any) any {
	if c.key == key {
		return c.val
	}
	return c.Context.Value(key)
}

// WithValue returns a copy of parent in which key is associated with val.
func WithValue(parent Context, key, val any) Context {
	if parent == nil {
		panic("cannot create context from nil parent")
	}
	if key == nil {
		panic("nil key")
	}
	if !reflect.TypeOf(key).Comparable() {
		panic("key is not comparable")
	}
	return &valueCtx{parent, key, val}
}

type withoutCancelCtx struct{ c Context }

func (withoutCancelCtx) Deadline() (gotime.Time, bool) { return gotime.Time{}, false }
func (withoutCancelCtx) Done() *sim.Chan[struct{}]     { return nil }
func (withoutCancelCtx) Err() error                    { return nil }
func (w withoutCancelCtx) Value(key any) any {
	if key == &cancelKey {
		return nil
	}
	return w.c.Value(key)
}

func (w withoutCancelCtx) String() string { return contextName(w.c) + ".WithoutCancel" }

// WithoutCancel returns a copy of parent that is never cancelled.
func WithoutCancel(parent Context) Context { return withoutCancelCtx{parent} }

type afterFunc struct {
	parent  *sim.G
	f       func()
	done    bool
	name    string
	stopped *sim.Chan[struct{}] // closed by stop, for a propagateCancel goroutine if any
}

func (a *afterFunc) cancel(bool, error, error) {
	if a.done {
		return
	}
	a.done = true
	sim.Spawn(a.parent, a.name, a.f)
}

// AfterFunc arranges to call f in its own goroutine after ctx is done. stop
// unregisters it and reports whether it did so before f was started.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	a := &afterFunc{parent: sim.Self(), f: f, name: sim.FuncName(f)}
	propagateCancel(ctx, a, func() *sim.Chan[struct{}] {
		a.stopped = sim.MakeTimerChan[struct{}]()
		return a.stopped
	})
	return func() bool {
		if a.done {
			return false
		}
		a.done = true
		if a.stopped != nil {
			a.stopped.Shut()
		}
		return true
	}
}
