package sim

import (
	"reflect"
	"runtime"
	"strings"
	"unsafe"

	"lanes/sim/trace"
)

// This file is the race detector: happens-before over the Go memory
// model's edges, with vector clocks as ThreadSanitizer and FastTrack keep
// them.
//
// Every goroutine has a vector clock: for each goroutine, how far into that
// goroutine's history it has seen. Synchronisation moves clocks: a release
// (Unlock, a send, Done, close, an atomic store) joins the goroutine's
// clock into the object's and ticks the goroutine's own component; an
// acquire (Lock, the matching receive, Wait returning, a receive that sees
// the close, an atomic load) joins the object's clock into the goroutine's.
// A go statement gives the new goroutine its parent's clock.
//
// Every shared variable (see Load and Store) remembers its last write and
// the reads since, each as an epoch (goroutine, its own clock component at
// the access) and a line. An access races with a remembered one of another
// goroutine, one of the two writing, whose epoch the accessing goroutine's
// clock has not reached. Like Go's race detector, which reports a pair of
// stacks once, a pair of accesses (their lines, read or write) is reported
// once per run.

// vclock is a vector clock indexed by GoID (index 0 unused).
type vclock []uint32

func (v vclock) get(id trace.GoID) uint32 {
	if int(id) < len(v) {
		return v[id]
	}
	return 0
}

func (v *vclock) set(id trace.GoID, c uint32) {
	v.grow(int(id) + 1)
	(*v)[id] = c
}

func (v *vclock) grow(n int) {
	if len(*v) < n {
		*v = append(*v, make(vclock, n-len(*v))...)
	}
}

// join makes v the component-wise maximum of v and w.
func (v *vclock) join(w vclock) {
	v.grow(len(w))
	for i, c := range w {
		if c > (*v)[i] {
			(*v)[i] = c
		}
	}
}

// syncKey names a synchronisation clock: an object of the run and a slot
// of it (a channel's buffer slot, an RWMutex's reader or writer side).
type syncKey struct {
	obj  trace.ObjID
	slot int32
}

// Slots of an object's clocks used by the mirrors.
const (
	SlotMain   = 0  // the object's one clock (Mutex, WaitGroup, Once…)
	SlotReader = 1  // RWMutex: released by Unlock, acquired by RLock and Lock
	SlotWriter = 2  // RWMutex: released by RUnlock, acquired by Lock
	slotClose  = -1 // a channel's close
)

// access is one remembered access to a variable.
type access struct {
	g     trace.GoID
	epoch uint32
	line  int32
}

// shadow is what the detector remembers of one variable.
type shadow struct {
	name    string
	addr    uint64
	w       access // last write (g == 0: none yet)
	reads   []access
	writing *G // a map being written (Go's hashWriting flag)
}

// hbState is a run's race detector.
type hbState struct {
	sync    map[syncKey]vclock
	addrs   map[unsafe.Pointer]vclock // atomics
	vars    map[unsafe.Pointer]*shadow
	pairs   map[[2]int32]bool // access pairs reported (see report)
	scratch vclock
}

// hb returns the run's race detector, or nil when it is off: with
// Options.NoRace, and after main returned (the afterlife is not the
// program's).
func (r *run) hb() *hbState {
	if r.opts.NoRace || r.afterlife {
		return nil
	}
	if r.races == nil {
		r.races = &hbState{sync: map[syncKey]vclock{}, vars: map[unsafe.Pointer]*shadow{},
			pairs: map[[2]int32]bool{}, addrs: map[unsafe.Pointer]vclock{}}
	}
	return r.races
}

// hbSpawn gives child its parent's clock: the go statement happens before
// the goroutine starts. A goroutine started by the clock (time.AfterFunc)
// gets its parent's clock as it is when the timer fires.
func (r *run) hbSpawn(parent, child *G) {
	if r.hb() == nil {
		return
	}
	n := int(child.id) + 1
	if parent != nil {
		n = max(n, len(parent.vc))
	}
	child.vc = make(vclock, n) // one allocation: the child's own entry is the last
	if parent != nil {
		copy(child.vc, parent.vc)
		if !r.clock {
			parent.tick()
		}
	}
	child.vc[child.id] = 1
}

// tick advances g's own component of its clock, after a release.
func (g *G) tick() {
	g.vc.set(g.id, g.vc.get(g.id)+1)
}

// release joins g's clock into the clock k and ticks g.
func (h *hbState) release(g *G, k syncKey) {
	c := h.sync[k]
	c.join(g.vc)
	h.sync[k] = c
	g.tick()
}

// acquire joins the clock k into g's.
func (h *hbState) acquire(g *G, k syncKey) {
	if c, ok := h.sync[k]; ok {
		g.vc.join(c)
	}
}

// Acquire is the acquire half of a happens-before edge: everything that
// happened before a Release on the same object and slot happens before
// what the operation's goroutine does next. For mirrors (Lock, Wait
// returning, Once.Do returning).
func (o Op) Acquire(obj trace.ObjID, slot int) {
	if o.g == nil || obj == trace.NoObject {
		return
	}
	if h := o.r.hb(); h != nil {
		h.acquire(o.g, syncKey{obj, int32(slot)})
	}
}

// Release is the release half of a happens-before edge (Unlock, Done, the
// end of Once's function): it merges into what earlier releases left.
func (o Op) Release(obj trace.ObjID, slot int) {
	if o.g == nil || obj == trace.NoObject {
		return
	}
	if h := o.r.hb(); h != nil {
		h.release(o.g, syncKey{obj, int32(slot)})
	}
}

// hbSlot is a channel buffer slot's acquire-and-release by g, as Go's
// race detector does on a send into and a receive from slot i of a
// buffered channel: the k-th receive happens before the (k+C)-th send
// completes, and a send happens before the receive that takes its value.
func (r *run) hbSlot(g *G, obj trace.ObjID, slot int) {
	h := r.hb()
	if h == nil || g == nil {
		return
	}
	k := syncKey{obj, int32(slot)}
	h.acquire(g, k)
	h.release(g, k)
}

// hbPair is a direct hand-off on a channel between sender and receiver:
// each learns what the other has seen (Go synchronises both ways on an
// unbuffered channel).
func (r *run) hbPair(a, b *G) {
	h := r.hb()
	if h == nil || a == nil || b == nil || a == b {
		return
	}
	h.scratch = append(h.scratch[:0], a.vc...)
	a.vc.join(b.vc)
	b.vc.join(h.scratch)
	a.tick()
	b.tick()
}

// hbClose records a close: it happens before every receive that sees it.
func (r *run) hbClose(g *G, obj trace.ObjID) {
	if h := r.hb(); h != nil && g != nil && !r.clock {
		h.release(g, syncKey{obj, slotClose})
	}
}

// hbClosed is a receive that saw the channel closed.
func (r *run) hbClosed(g *G, obj trace.ObjID) {
	if h := r.hb(); h != nil && g != nil {
		h.acquire(g, syncKey{obj, slotClose})
	}
}

// AtomicSync is the happens-before of an atomic operation on the variable
// at p (package sim/atomic): a load acquires, a store releases, a
// read-modify-write does both. Go's atomics are sequentially consistent.
func AtomicSync(p unsafe.Pointer, acquire, release bool) {
	r := current
	if r == nil || r.cur == nil || r.clock {
		return
	}
	h := r.hb()
	if h == nil {
		return
	}
	g := r.cur
	if acquire {
		if c, ok := h.addrs[p]; ok {
			g.vc.join(c)
		}
	}
	if release {
		c := h.addrs[p]
		c.join(g.vc)
		h.addrs[p] = c
		g.tick()
	}
}

// check records an access by g at line to the variable at p, named name,
// and reports a race if an earlier access of another goroutine conflicts.
func (h *hbState) check(r *run, g *G, p unsafe.Pointer, name string, write bool, line int32) {
	s := h.vars[p]
	if s == nil {
		s = &shadow{name: name, addr: 0xc000010000 + 16*uint64(len(h.vars))}
		h.vars[p] = s
	}
	me := g.id
	now := access{g: me, epoch: g.vc.get(me), line: line}
	concurrent := func(a access) bool { return a.g != 0 && a.g != me && a.epoch > g.vc.get(a.g) }
	if concurrent(s.w) {
		h.report(r, s, now, write, s.w, true)
	}
	if !write {
		keep := s.reads[:0]
		for _, a := range s.reads {
			if a.g != me && a.epoch > g.vc.get(a.g) {
				keep = append(keep, a) // still concurrent with later writes
			}
		}
		s.reads = append(keep, now)
		return
	}
	for _, a := range s.reads {
		if concurrent(a) {
			h.report(r, s, now, write, a, false)
			break
		}
	}
	s.reads = s.reads[:0]
	s.w = now
}

// report records a race on s between the access now and prev, once per
// variable and per pair of lines.
func (h *hbState) report(r *run, s *shadow, now access, write bool, prev access, prevWrite bool) {
	// Go's race detector reports a pair of stacks once: here, a pair of
	// accesses (line, read or write).
	a, b := 2*now.line, 2*prev.line
	if write {
		a++
	}
	if prevWrite {
		b++
	}
	pair := [2]int32{min(a, b), max(a, b)}
	if h.pairs[pair] {
		return
	}
	h.pairs[pair] = true
	rc := trace.Race{Var: s.name, G: now.g, Line: now.line, Write: write,
		PrevG: prev.g, PrevLine: prev.line, PrevWrite: prevWrite, Addr: s.addr}
	r.tr.Outcome.Races = append(r.tr.Outcome.Races, rc)
	r.nameFuncs(now.g, prev.g)
	var delta int64
	if write {
		delta |= trace.RaceWrite
	}
	if prevWrite {
		delta |= trace.RacePrevWrite
	}
	r.event(trace.Event{Kind: trace.KindRace, Line: now.line, Peer: prev.g, Value: int64(prev.line), Text: s.name, Delta: delta})
	if r.opts.RaceReport {
		r.stderr.WriteString(RaceReport(r.tr, rc, r.gs[prev.g-1].state == trace.StateDone))
	}
}

// nameFuncs fills in the Func of the goroutines of a race and of their
// parents, for the report's frames: Go's name of the function literal
// (main.main.func1) from the twin's symbol, which the rewriter keeps, or
// main.NAME for a named function.
func (r *run) nameFuncs(ids ...trace.GoID) {
	for _, id := range ids {
		for id != trace.NoGoroutine && int(id) <= len(r.tr.Goroutines) {
			tg := &r.tr.Goroutines[id-1]
			if tg.Func == "" {
				tg.Func = "main." + tg.Name
				if f := runtime.FuncForPC(reflectPC(r.gs[id-1].fn)); strings.HasPrefix(tg.Name, "func") && f != nil {
					sym := f.Name()
					sym = sym[strings.LastIndexByte(sym, '/')+1:]
					if _, rest, ok := strings.Cut(sym, "."); ok && !strings.HasPrefix(f.Name(), "lanes/sim") {
						tg.Func = "main." + rest
					}
				}
			}
			id = tg.Parent
		}
	}
}

func reflectPC(fn func()) uintptr { return reflect.ValueOf(fn).Pointer() }

// Access records an access by the operation's goroutine to a variable of
// a mirror, as Go's own packages tell the race detector about them (a
// WaitGroup's first Add reads, and its first waiter writes, its semaphore).
func (o Op) Access(p unsafe.Pointer, name string, write bool) {
	if o.g == nil {
		return
	}
	if h := o.r.hb(); h != nil {
		h.check(o.r, o.g, p, name, write, o.Line)
	}
}
