package timeline

import (
	"strconv"

	"lanes/sim/trace"
)

// markKind maps an event to its marker kind and short label ("" kind: no
// marker).
func markKind(e *trace.Event) (MarkKind, string) {
	switch e.Kind {
	case trace.KindGo:
		return MarkGo, ""
	case trace.KindWGAdd:
		switch {
		case e.Delta == -1:
			return MarkDone, "Done"
		case e.Delta < 0:
			return MarkDone, strconv.FormatInt(e.Delta, 10)
		}
		return MarkAdd, "+" + strconv.FormatInt(e.Delta, 10)
	case trace.KindWGWait:
		return MarkWait, "Wait"
	case trace.KindWGReturn:
		return MarkReturn, ""
	case trace.KindPrint:
		return MarkPrint, ""
	case trace.KindPanic:
		return MarkPanic, "panic"
	case trace.KindRecover:
		return MarkRecover, ""
	case trace.KindCancel:
		return MarkCancel, ""
	case trace.KindAcquire, trace.KindLock:
		return MarkAcquire, ""
	case trace.KindRelease, trace.KindUnlock:
		return MarkRelease, ""
	case trace.KindSend:
		return MarkSend, ""
	case trace.KindRecv:
		return MarkRecv, ""
	case trace.KindClose:
		return MarkClose, ""
	case trace.KindSelect:
		return MarkSelect, ""
	case trace.KindTimer:
		return MarkTimer, ""
	case trace.KindOnce:
		return MarkOnce, ""
	case trace.KindTimeSlip:
		return MarkSlip, slipLabel(e)
	}
	return "", ""
}

// laneMark keys the last marker of a kind in a lane.
type laneMark struct {
	lane int
	kind MarkKind
}

// marker adds the marker of event e, if it has one, to its lane. Events of
// goroutines in group lanes get none.
func (l *layouter) marker(e *trace.Event, x float64) {
	kind, label := markKind(e)
	if kind == "" || !l.d.inPlot(x, 8) {
		return
	}
	li := l.clock
	if e.G != trace.NoGoroutine {
		if !l.solo[e.G] {
			return
		}
		li = l.laneOf[e.G]
	}
	if li < 0 {
		return
	}
	ln := &l.d.Lanes[li]
	k := int(e.Seq)
	key := laneMark{li, kind}
	if i, ok := l.lastMark[key]; ok {
		if p := &ln.Markers[i]; x-p.X < minPx {
			if p.Count == 0 {
				p.Count = 1
			}
			p.Count++
			p.Seq1 = k
			return
		}
	}
	if l.lastMark == nil {
		l.lastMark = map[laneMark]int{}
	}
	l.lastMark[key] = len(ln.Markers)
	ln.Markers = append(ln.Markers, Marker{Kind: kind, X: x, Y: ln.Mid(), Seq0: k, Seq1: k,
		Label: label, Title: l.names.caption(l.t, k, false)})
}

// sendArrows pairs sends and receives that handed a value over directly
// (Peer set on both sides, same channel, in order) and draws an arrow from
// sender to receiver; a side without its match gets a vertical arrow from
// or to the peer's lane at its own x.
func (l *layouter) sendArrows(sends, recvs []int) {
	type key struct {
		from, to trace.GoID
		obj      trace.ObjID
	}
	t, d := l.t, l.d
	queue := map[key][]int{}
	for _, s := range sends {
		e := &t.Events[s]
		k := key{e.G, e.Peer, e.Obj}
		queue[k] = append(queue[k], s)
	}
	paired := map[int]bool{}
	arrow := func(s, r int, from, to trace.GoID) {
		if !l.solo[from] || !l.solo[to] {
			return
		}
		x0, x1 := d.X(s), d.X(r)
		seq0, seq1 := min(s, r), max(s, r)
		d.Arrows = append(d.Arrows, Arrow{Kind: MarkSend, X0: x0, Y0: d.Lanes[l.laneOf[from]].Mid(),
			X1: x1, Y1: d.Lanes[l.laneOf[to]].Mid(), Seq0: seq0, Seq1: seq1,
			Title: l.names.caption(t, s, false)})
	}
	for _, r := range recvs {
		e := &t.Events[r]
		k := key{e.Peer, e.G, e.Obj}
		if q := queue[k]; len(q) > 0 {
			queue[k] = q[1:]
			paired[q[0]] = true
			arrow(q[0], r, e.Peer, e.G)
			continue
		}
		arrow(r, r, e.Peer, e.G)
	}
	for _, s := range sends {
		if !paired[s] {
			e := &t.Events[s]
			arrow(s, s, e.G, e.Peer)
		}
	}
}

// tracks adds the WaitGroup counter tracks and the in-flight track from y
// down, and returns the y below them.
func (l *layouter) tracks(y float64) float64 {
	t, d := l.t, l.d
	idx := map[trace.ObjID]int{}
	for k := range t.Events {
		e := &t.Events[k]
		if e.Kind != trace.KindWGAdd && e.Kind != trace.KindWGWait && e.Kind != trace.KindWGReturn {
			continue
		}
		i, ok := idx[e.Obj]
		if !ok {
			// A WaitGroup gets its track at its first Add, Done or Wait: one
			// that only saw Wait (its Adds came too late, or never) shows a
			// flat counter at 0 under the Wait.
			if len(idx) >= l.o.MaxTracks {
				continue
			}
			i = len(d.Tracks)
			idx[e.Obj] = i
			name := l.objName(e.Obj)
			title := "counter of " + name
			if o := t.Object(e.Obj); o != nil && o.Line > 0 {
				title += " (line " + strconv.Itoa(int(o.Line)) + ")"
			}
			d.Tracks = append(d.Tracks, Track{Kind: TrackWaitGroup, Label: name + " counter", Title: title,
				Points: []Point{{X: d.Left, Seq: 0, V: 0}}})
		}
		tr := &d.Tracks[i]
		if e.Kind == trace.KindWGWait {
			continue
		}
		if e.Kind == trace.KindWGAdd {
			tr.Points = addPoint(tr.Points, Point{X: d.X(k), Seq: k, V: e.Value})
			tr.Max = max(tr.Max, e.Value)
		} else {
			tr.Marks = append(tr.Marks, Marker{Kind: MarkReturn, X: d.X(k), Seq0: k, Seq1: k,
				Title: l.names.caption(t, k, false)})
		}
	}
	if l.o.InFlight {
		d.Tracks = append(d.Tracks, l.inFlight())
	}
	d.Tracks = append(d.Tracks, l.bufferTracks()...)
	for i := range d.Tracks {
		tr := &d.Tracks[i]
		tr.Y, tr.H = y, l.trackH
		for j := range tr.Marks {
			tr.Marks[j].Y = y + l.trackH - 8
		}
		y += l.trackH
	}
	return y
}

// inFlight counts semaphore or errgroup slots in use (the sum of the in-use
// values of acquire and release events) when the trace has any; otherwise
// the goroutines alive besides main.
func (l *layouter) inFlight() Track {
	t, d := l.t, l.d
	tr := Track{Kind: TrackInFlight, Points: []Point{{X: d.Left}}}
	slots := false
	for i := range t.Events {
		if k := t.Events[i].Kind; k == trace.KindAcquire || k == trace.KindRelease {
			slots = true
			break
		}
	}
	var v int64
	if slots {
		tr.Label, tr.Title = "in flight", "semaphore or errgroup slots in use"
		use := map[trace.ObjID]int64{}
		for k := range t.Events {
			e := &t.Events[k]
			if e.Kind == trace.KindAcquire || e.Kind == trace.KindRelease {
				v += e.Value - use[e.Obj]
				use[e.Obj] = e.Value
				tr.Points = addPoint(tr.Points, Point{X: d.X(k), Seq: k, V: v})
				tr.Max = max(tr.Max, v)
			}
		}
		return tr
	}
	tr.Label, tr.Title = "in flight", "goroutines alive besides main"
	st := make([]trace.State, len(t.Goroutines)+1)
	for k := range t.Events {
		e := &t.Events[k]
		if e.Kind != trace.KindState || e.G <= 1 {
			continue
		}
		was := st[e.G].Alive()
		st[e.G] = e.State
		if now := e.State.Alive(); now != was {
			if now {
				v++
			} else {
				v--
			}
			tr.Points = addPoint(tr.Points, Point{X: d.X(k), Seq: k, V: v})
			tr.Max = max(tr.Max, v)
		}
	}
	return tr
}
