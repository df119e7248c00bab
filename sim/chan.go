package sim

import (
	"fmt"
	"strconv"

	"lanes/sim/trace"
)

// Chan is a simulated channel: what `chan T`, `<-chan T` and `chan<- T`
// become in a twin. A nil *Chan is a nil channel: sending to or receiving
// from it blocks forever, closing it panics.
type Chan[T any] struct {
	obj    Obj
	size   int
	timer  bool // a timer's channel: Len and Cap report 0, as in Go 1.23+
	buf    []item[T]
	closed bool
	recvq  []*sudog[T]
	sendq  []*sudog[T]
	nrecv  int    // receives from the buffer so far: the next one takes slot nrecv%size
	call   string // the call that made a timer's channel ("time.After"), see CallName
	line   int32  // the line of that call
	of     *Obj   // the object whose Done channel this is (a context's)
}

type item[T any] struct {
	v    T
	from trace.GoID
}

// sudog is a goroutine waiting in a channel's queue (Go's name for it).
type sudog[T any] struct {
	g      *G
	sel    *selWait // non-nil when waiting in a select
	idx    int      // its case in the select
	val    T
	ok     bool       // a value was received (not a close)
	peer   trace.GoID // who completed the operation
	closed bool       // a sender woken by close: it must panic
}

type selWait struct {
	fired bool
	idx   int
}

// plainError is a runtime error printed without the "runtime error: "
// prefix, like Go's own for channel misuse.
type plainError string

func (e plainError) Error() string { return string(e) }
func (e plainError) RuntimeError() {}

// MakeChan makes a channel with a buffer of size elements: make(chan T, size).
func MakeChan[T any](size int) *Chan[T] {
	if size < 0 {
		panic(plainError("makechan: size out of range"))
	}
	c := &Chan[T]{size: size}
	if r := current; r != nil {
		if op, ok := Begin(); ok {
			// "chan (line 14)" until the program names it (jobs := make(…))
			c.call, c.line = "chan", op.Line
			id := c.use(op)
			op.Event(trace.Event{Kind: trace.KindMake, Obj: id, Value: int64(size)})
		}
	}
	return c
}

// MakeTimerChan makes the channel of a timer or ticker (for sim/time): a
// one-element buffer that Len and Cap hide, as Go 1.23+ timer channels are
// synchronous.
func MakeTimerChan[T any]() *Chan[T] { return &Chan[T]{size: 1, timer: true} }

// MakeCallChan is MakeTimerChan for a channel the program gets from the
// call named call ("time.After"): unless the program names it, the
// channel is named after the call and its line (see CallName).
func MakeCallChan[T any](call string) *Chan[T] {
	return &Chan[T]{size: 1, timer: true, call: call, line: CallerLine()}
}

// MakeDoneChan is MakeTimerChan for the Done channel of the object of: it
// is named after it, "ctx.Done()".
func MakeDoneChan[T any](of *Obj) *Chan[T] { return &Chan[T]{size: 1, timer: true, of: of} }

// NameObj is the channel's object, for Name (nil for a nil channel).
func (c *Chan[T]) NameObj() *Obj {
	if c == nil {
		return nil
	}
	return &c.obj
}

// use registers the channel in the current run, resetting it if it was
// used in an earlier run.
func (c *Chan[T]) use(op Op) trace.ObjID {
	kind := trace.ObjChan
	if c.timer {
		kind = trace.ObjTimer
	}
	call, line, size := c.call, c.line, c.size
	if c.of != nil {
		// a context's Done channel: a plain channel to the reader, closed
		// when the context is cancelled
		call, line, kind, size = objName(op.r, c.of)+".Done()", 0, trace.ObjChan, 0
	}
	first := op.Line
	if call != "" && line > 0 {
		first = line // made by a call (time.After): where it was made
	}
	id, fresh := c.obj.UseCall(c, kind, call, line, first, int64(size))
	if fresh && c.of != nil && c.of.epoch == op.r.epoch && !c.obj.named {
		op.r.nameAfter(id, c.of.id)
	}
	if fresh {
		c.buf, c.recvq, c.sendq, c.closed, c.nrecv = nil, nil, nil, false, 0
	}
	return id
}

// valueText is a channel value as the timeline shows it: fmt.Sprint's
// text, cut to 60 bytes. The common values (ints, strings, bools) skip
// fmt: faster for the simulator, and it lets the browser build compile
// fmt without inlining (smaller).
func valueText(v any) string {
	var s string
	switch v := v.(type) {
	case int:
		s = strconv.Itoa(v)
	case int64:
		s = strconv.FormatInt(v, 10)
	case string:
		s = v
	case bool:
		s = strconv.FormatBool(v)
	default:
		s = fmt.Sprint(v)
	}
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// Send sends v: ch <- v.
func (c *Chan[T]) Send(v T) {
	op, ok := Begin()
	if !ok {
		return
	}
	if c == nil {
		op.Block(trace.NoObject, "chan send (nil chan)")
		return
	}
	id := c.use(op)
	if c.closed {
		Panic(plainError("send on closed channel"))
	}
	if c.trySend(op, id, v) {
		return
	}
	sd := &sudog[T]{g: op.g, val: v}
	c.sendq = append(c.sendq, sd)
	op.Block(id, "chan send")
	if sd.closed {
		Panic(plainError("send on closed channel"))
	}
	op.Event(trace.Event{Kind: trace.KindSend, Obj: id, Peer: sd.peer, Text: valueText(v), Value: int64(len(c.buf))})
}

// trySend sends v if that needs no waiting: to a waiting receiver, or into
// the buffer.
func (c *Chan[T]) trySend(op Op, id trace.ObjID, v T) bool {
	kind, line := trace.KindSend, int32(0)
	if op.g == nil {
		// the clock: the timer fires, at time.After's own line (0 for a
		// Timer's or a Ticker's C)
		kind, line = trace.KindTimer, c.line
	}
	if sd := dequeue(&c.recvq); sd != nil {
		sd.val, sd.ok = v, true
		if op.g != nil {
			sd.peer = op.g.id
		}
		op.r.hbPair(op.g, sd.g)
		op.Event(trace.Event{Kind: kind, Line: line, Obj: id, Peer: sd.g.id, Text: valueText(v), Value: int64(len(c.buf))})
		Ready(sd.g)
		return true
	}
	if len(c.buf) < c.size {
		it := item[T]{v: v}
		if op.g != nil {
			it.from = op.g.id
		}
		op.r.hbSlot(op.g, id, (c.nrecv+len(c.buf))%c.size)
		c.buf = append(c.buf, it)
		op.Event(trace.Event{Kind: kind, Line: line, Obj: id, Text: valueText(v), Value: int64(len(c.buf))})
		return true
	}
	return false
}

// dequeue removes and returns the first waiter whose select has not fired.
func dequeue[T any](q *[]*sudog[T]) *sudog[T] {
	for len(*q) > 0 {
		sd := (*q)[0]
		*q = (*q)[1:]
		if sd.sel == nil {
			return sd
		}
		if !sd.sel.fired {
			sd.sel.fired, sd.sel.idx = true, sd.idx
			return sd
		}
	}
	return nil
}

// Recv receives a value: <-ch.
func (c *Chan[T]) Recv() T {
	v, _ := c.Recv2()
	return v
}

// Recv2 receives a value and whether it came from a send (false once the
// channel is closed and drained): v, ok := <-ch.
func (c *Chan[T]) Recv2() (T, bool) {
	var zero T
	op, ok := Begin()
	if !ok {
		return zero, false
	}
	if c == nil {
		op.Block(trace.NoObject, "chan receive (nil chan)")
		return zero, false
	}
	id := c.use(op)
	if v, ok, done := c.tryRecv(op, id); done {
		return v, ok
	}
	sd := &sudog[T]{g: op.g}
	c.recvq = append(c.recvq, sd)
	op.Block(id, "chan receive")
	c.recvEvent(op, id, sd.val, sd.ok, sd.peer)
	return sd.val, sd.ok
}

func (c *Chan[T]) recvEvent(op Op, id trace.ObjID, v T, ok bool, peer trace.GoID) {
	e := trace.Event{Kind: trace.KindRecv, Obj: id, Peer: peer, Value: int64(len(c.buf))}
	if ok {
		e.Delta, e.Text = 1, valueText(v)
	} else {
		op.r.hbClosed(op.g, id)
	}
	op.Event(e)
}

// tryRecv receives if that needs no waiting.
func (c *Chan[T]) tryRecv(op Op, id trace.ObjID) (v T, ok, done bool) {
	if sd := dequeue(&c.sendq); sd != nil {
		from := sd.g.id
		if c.size == 0 {
			v = sd.val
			op.r.hbPair(op.g, sd.g)
		} else {
			v, from = c.buf[0].v, c.buf[0].from
			slot := c.nrecv % c.size
			op.r.hbSlot(op.g, id, slot) // the k-th receive…
			op.r.hbSlot(sd.g, id, slot) // …happens before the (k+C)-th send completes
			c.nrecv++
			c.buf = append(c.buf[1:], item[T]{v: sd.val, from: sd.g.id})
		}
		if c.size == 0 {
			sd.peer = op.g.id // handed over; a buffered send's value went into the slot this receive freed
		}
		Ready(sd.g)
		c.recvEvent(op, id, v, true, from)
		return v, true, true
	}
	if len(c.buf) > 0 {
		it := c.buf[0]
		op.r.hbSlot(op.g, id, c.nrecv%c.size)
		c.nrecv++
		c.buf = c.buf[1:]
		c.recvEvent(op, id, it.v, true, it.from)
		return it.v, true, true
	}
	if c.closed {
		c.recvEvent(op, id, v, false, trace.NoGoroutine)
		return v, false, true
	}
	return v, false, false
}

// Close closes the channel: close(ch).
func (c *Chan[T]) Close() {
	op, ok := Begin()
	if !ok {
		return
	}
	if c == nil {
		Panic(plainError("close of nil channel"))
	}
	id := c.use(op)
	if c.closed {
		Panic(plainError("close of closed channel"))
	}
	op.Event(trace.Event{Kind: trace.KindClose, Obj: id})
	op.r.hbClose(op.g, id)
	c.wakeAll()
}

// wakeAll closes the channel and wakes everyone waiting on it: receivers
// get the zero value, senders will panic. Like Go's closechan, it collects
// them on a stack and readies them from the top, so the last receiver to
// queue runs first among them.
func (c *Chan[T]) wakeAll() {
	c.closed = true
	var woken []*G
	for sd := dequeue(&c.recvq); sd != nil; sd = dequeue(&c.recvq) {
		var zero T
		sd.val, sd.ok = zero, false
		woken = append(woken, sd.g)
	}
	for sd := dequeue(&c.sendq); sd != nil; sd = dequeue(&c.sendq) {
		sd.closed = true
		woken = append(woken, sd.g)
	}
	for i := len(woken) - 1; i >= 0; i-- {
		Ready(woken[i])
	}
}

// Shut closes the channel without a scheduling point or a close event, for
// mirrors that record their own event (a context's done channel). It may
// be called from the clock. Closing twice does nothing.
func (c *Chan[T]) Shut() {
	r := mustRun()
	id := c.use(Op{r: r})
	if !c.closed {
		r.hbClose(r.cur, id)
		c.wakeAll()
	}
}

// Len returns the number of buffered elements: len(ch).
func (c *Chan[T]) Len() int {
	if c == nil || c.timer {
		return 0
	}
	if r := current; r != nil && c.obj.epoch != r.epoch {
		return 0
	}
	return len(c.buf)
}

// Cap returns the buffer size: cap(ch).
func (c *Chan[T]) Cap() int {
	if c == nil || c.timer {
		return 0
	}
	return c.size
}

// TrySend sends v without blocking and reports whether it did; the time
// mirror's timers and tickers send this way, from the clock.
func (c *Chan[T]) TrySend(v T) bool {
	r := mustRun()
	op := Op{r: r, g: r.cur}
	if r.clock {
		op.g = nil
	}
	return c.trySend(op, c.use(op), v)
}

// Drain empties the buffer (a timer's Stop and Reset do so, as in Go 1.23+)
// and reports whether it held a value: a timer's value that was never
// received, which Go 1.23+ counts as the timer still running.
func (c *Chan[T]) Drain() bool {
	if c == nil {
		return false
	}
	if r := current; r == nil || c.obj.epoch != r.epoch {
		return false // not used in this run: its buffer is an earlier run's
	}
	had := len(c.buf) > 0
	c.buf = nil
	return had
}
