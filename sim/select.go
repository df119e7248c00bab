package sim

import "lanes/sim/trace"

// Case is one case of a select statement, made by Chan.RecvCase or
// Chan.SendCase before Select is called (so that, as in Go, every channel
// and value is evaluated once, in source order).
type Case interface {
	ready() bool
	commit(op Op)
	enqueue(op Op, w *selWait, idx int)
	dequeue()
	complete(op Op)
	objID() trace.ObjID
	at() int32
}

// RecvCase is a receive case; after Select chose it, V and OK hold what
// v, ok := <-ch would.
type RecvCase[T any] struct {
	c    *Chan[T]
	V    T
	OK   bool
	sd   *sudog[T]
	line int32
}

// SendCase is a send case.
type SendCase[T any] struct {
	c    *Chan[T]
	v    T
	sd   *sudog[T]
	line int32
}

// RecvCase makes a receive case on the channel for Select.
func (c *Chan[T]) RecvCase() *RecvCase[T] { return &RecvCase[T]{c: c} }

// SendCase makes a case sending v on the channel for Select.
func (c *Chan[T]) SendCase(v T) *SendCase[T] { return &SendCase[T]{c: c, v: v} }

// At says the case is written at line, not the select statement's line:
// its receive (and the channel, if this is its first use) is recorded
// there. The rewriter adds it to a case on a line of its own.
func (rc *RecvCase[T]) At(line int32) *RecvCase[T] { rc.line = line; return rc }

// At is RecvCase.At for a send case.
func (sc *SendCase[T]) At(line int32) *SendCase[T] { sc.line = line; return sc }

func (rc *RecvCase[T]) at() int32 { return rc.line }
func (sc *SendCase[T]) at() int32 { return sc.line }

// caseOp is op at the case's own line, if it has one.
func caseOp(op Op, cs Case) Op {
	if l := cs.at(); l > 0 {
		op.Line = l
	}
	return op
}

// Select runs a select statement: it proceeds with one ready case (Go picks
// at random among several: here the strategy picks), or the default when
// hasDefault and none is ready, or blocks until a case can proceed. It
// returns the index of the chosen case, or -1 for the default. A select with
// no cases (select {}) blocks forever.
func Select(hasDefault bool, cases ...Case) int {
	return selectAs(hasDefault, "", trace.NoObject, true, cases)
}

// SelectAs is a select without default for mirrors that wait on private
// channels (a semaphore waiter, say): while blocked, the goroutine shows as
// blocked on obj with Go's wait reason what, and with Quiet on, the
// private channels' events stay out of the trace.
func SelectAs(what string, obj trace.ObjID, cases ...Case) int {
	return selectAs(false, what, obj, false, cases)
}

// SelectQuiet is Select for a mirror's own select (context's, say): the
// scheduler game does not offer its cases to the reader.
func SelectQuiet(hasDefault bool, cases ...Case) int {
	return selectAs(hasDefault, "", trace.NoObject, false, cases)
}

func selectAs(hasDefault bool, what string, obj trace.ObjID, user bool, cases []Case) int {
	op, ok := Begin()
	if !ok {
		if hasDefault {
			return -1
		}
		return 0
	}
	r := op.r
	var ready []int
	for i, cs := range cases {
		if cs.ready() {
			ready = append(ready, i)
		}
	}
	if len(ready) > 0 {
		i := ready[r.chooseCase(ready, op.Line, user)]
		cases[i].commit(caseOp(op, cases[i]))
		op.Event(trace.Event{Kind: trace.KindSelect, Obj: cases[i].objID(), Value: int64(i)})
		return i
	}
	if hasDefault {
		op.Event(trace.Event{Kind: trace.KindSelect, Value: -1})
		return -1
	}
	w := &selWait{idx: -1}
	first := obj
	for i, cs := range cases {
		cs.enqueue(caseOp(op, cs), w, i)
		if first == trace.NoObject {
			first = cs.objID()
		}
	}
	switch {
	case what != "":
	case first == trace.NoObject:
		what = "select (no cases)"
	default:
		what = "select"
	}
	op.Block(first, what)
	for _, cs := range cases {
		cs.dequeue()
	}
	cases[w.idx].complete(caseOp(op, cases[w.idx]))
	op.Event(trace.Event{Kind: trace.KindSelect, Obj: cases[w.idx].objID(), Value: int64(w.idx)})
	return w.idx
}

func (rc *RecvCase[T]) objID() trace.ObjID {
	if rc.c == nil {
		return trace.NoObject
	}
	return rc.c.obj.ID()
}

func (rc *RecvCase[T]) ready() bool {
	c := rc.c
	if c == nil {
		return false
	}
	if r := current; c.obj.epoch != r.epoch {
		return false // never used in this run: empty and open
	}
	return c.closed || len(c.buf) > 0 || hasWaiter(c.sendq)
}

func hasWaiter[T any](q []*sudog[T]) bool {
	for _, sd := range q {
		if sd.sel == nil || !sd.sel.fired {
			return true
		}
	}
	return false
}

func (rc *RecvCase[T]) commit(op Op) {
	id := rc.c.use(op)
	rc.V, rc.OK, _ = rc.c.tryRecv(op, id)
}

func (rc *RecvCase[T]) enqueue(op Op, w *selWait, idx int) {
	if rc.c == nil {
		return
	}
	rc.c.use(op)
	rc.sd = &sudog[T]{g: op.g, sel: w, idx: idx}
	rc.c.recvq = append(rc.c.recvq, rc.sd)
}

func (rc *RecvCase[T]) dequeue() {
	if rc.sd != nil {
		rc.c.recvq = remove(rc.c.recvq, rc.sd)
	}
}

func (rc *RecvCase[T]) complete(op Op) {
	rc.V, rc.OK = rc.sd.val, rc.sd.ok
	rc.c.recvEvent(op, rc.c.obj.ID(), rc.V, rc.OK, rc.sd.peer)
}

func (sc *SendCase[T]) objID() trace.ObjID {
	if sc.c == nil {
		return trace.NoObject
	}
	return sc.c.obj.ID()
}

func (sc *SendCase[T]) ready() bool {
	c := sc.c
	if c == nil {
		return false
	}
	if r := current; c.obj.epoch != r.epoch {
		return c.size > 0
	}
	return c.closed || len(c.buf) < c.size || hasWaiter(c.recvq)
}

func (sc *SendCase[T]) commit(op Op) {
	id := sc.c.use(op)
	if sc.c.closed {
		Panic(plainError("send on closed channel"))
	}
	sc.c.trySend(op, id, sc.v)
}

func (sc *SendCase[T]) enqueue(op Op, w *selWait, idx int) {
	if sc.c == nil {
		return
	}
	sc.c.use(op)
	sc.sd = &sudog[T]{g: op.g, sel: w, idx: idx, val: sc.v}
	sc.c.sendq = append(sc.c.sendq, sc.sd)
}

func (sc *SendCase[T]) dequeue() {
	if sc.sd != nil {
		sc.c.sendq = remove(sc.c.sendq, sc.sd)
	}
}

func (sc *SendCase[T]) complete(op Op) {
	if sc.sd.closed {
		Panic(plainError("send on closed channel"))
	}
	op.Event(trace.Event{Kind: trace.KindSend, Obj: sc.c.obj.ID(), Peer: sc.sd.peer, Text: valueText(sc.v), Value: int64(len(sc.c.buf))})
}

func remove[T any](q []*sudog[T], sd *sudog[T]) []*sudog[T] {
	for i, x := range q {
		if x == sd {
			return append(q[:i:i], q[i+1:]...)
		}
	}
	return q
}
