package timeline

import (
	"slices"
	"strconv"

	"lanes/sim/trace"
)

const (
	captionH  = 24.0
	topPad    = 18.0
	legendH   = 20.0
	trackH    = 44.0
	axisH     = 46.0 // ticks, then the labels of expanded instants
	maxGroups = 4    // group lanes at most
)

// Layout turns a trace into shapes. It is pure: the same trace and options
// always give the same Diagram.
func Layout(t *trace.Trace, opts Options) *Diagram {
	o := opts.withDefaults()
	return fit(t, o, layout(t, o, 1))
}

// layout is Layout with tracks grow times their height.
func layout(t *trace.Trace, o Options, grow float64) *Diagram {
	d := &Diagram{Width: o.Width, Left: o.LabelWidth, Right: o.Width - rightPadFor(o.Width),
		Scale: o.Scale, Caption: o.Caption, Events: len(t.Events)}
	d.Top = topPad
	if o.Caption != "" {
		d.Top += captionH
	}
	if o.Window.Zoomed() {
		d.Window = o.Window.norm()
	}
	xs := newXScale(t, o.Scale, d.Left, d.Right-d.Left, o.Window)
	d.xs = xs.xs
	l := &layouter{t: t, d: d, o: o, names: newNamer(t), trackH: trackH * grow}
	// The tracks (counters, in flight) are pinned above the lanes: they are
	// what a run with many goroutines is about.
	l.laneTop = l.tracks(d.Top)
	l.assignLanes()
	l.events()
	y := l.laneTop
	if n := len(d.Lanes); n > 0 {
		y = d.Lanes[n-1].Y + d.Lanes[n-1].H
	}
	d.Axis = xs.axis(t, o.Scale, y)
	d.Height = y + axisH
	if !o.NoLegend {
		d.Height = l.legend(d.Height)
	}
	d.Title = l.summary()
	return d
}

type layouter struct {
	t       *trace.Trace
	d       *Diagram
	o       Options
	names   *namer
	laneOf  []int   // by GoID: index into d.Lanes, -1 if none
	solo    []bool  // by GoID: has its own lane
	clock   int     // index of the clock lane, -1 if none
	laneTop float64 // y of the first lane (the tracks are above it)
	trackH  float64 // height of a track

	lastMark map[laneMark]int // index of the last marker of a kind in a lane
}

// assignLanes makes one lane per goroutine in spawn order, folding
// kinds of many goroutines into group lanes (fold.go), collapsing what is
// still beyond MaxLanes into group lanes by name, and a clock lane if
// some events belong to no goroutine.
func (l *layouter) assignLanes() {
	gs := l.t.Goroutines
	n := len(gs)
	l.laneOf = make([]int, n+1)
	l.solo = make([]bool, n+1)
	l.laneOf[0] = -1
	groupOf, keys := foldPlan(gs, l.o)
	var own []int // indices of the goroutines with their own lane
	for i := range gs {
		if groupOf[i] < 0 {
			own = append(own, i)
		}
	}
	lanes := len(own) + len(keys)
	keep := len(own)
	var groups []string // names of "+N more" lanes; "" = any other name
	if lanes > l.o.MaxLanes {
		var rest []trace.Goroutine
		keep = max(1, l.o.MaxLanes-len(keys)-1)
		for {
			rest = rest[:0]
			for _, i := range own[keep:] {
				rest = append(rest, gs[i])
			}
			groups = groupNames(rest, min(maxGroups, l.o.MaxLanes-1))
			if keep+len(keys)+len(groups) <= l.o.MaxLanes || keep <= 1 {
				break
			}
			keep = max(1, l.o.MaxLanes-len(keys)-len(groups))
		}
	}
	add := func(ln Lane) int {
		ln.H = l.o.LaneHeight
		if ln.Kind == LaneGroup {
			ln.H *= groupRows
		}
		ln.Y = l.laneTop
		if k := len(l.d.Lanes); k > 0 {
			ln.Y = l.d.Lanes[k-1].Y + l.d.Lanes[k-1].H
		}
		l.d.Lanes = append(l.d.Lanes, ln)
		return len(l.d.Lanes) - 1
	}
	folded := make([]int, len(keys)) // lane of each folded kind
	for i := range folded {
		folded[i] = -1
	}
	kept := map[int]bool{}
	for _, i := range own[:keep] {
		kept[i] = true
	}
	for i := range gs {
		g := &gs[i]
		switch {
		case kept[i]:
			l.laneOf[g.ID] = add(Lane{Kind: LaneGoroutine, G: g.ID, Label: l.names.label(g), Title: l.names.title(g)})
			l.solo[g.ID] = true
		case groupOf[i] >= 0:
			j := groupOf[i]
			if folded[j] < 0 {
				folded[j] = add(Lane{Kind: LaneGroup, Key: keys[j], Expanded: slices.Contains(l.o.Expand, keys[j])})
			}
			l.laneOf[g.ID] = folded[j]
			ln := &l.d.Lanes[folded[j]]
			ln.Members++
			ln.Label = groupLabel(g, ln.Members)
			ln.Title = ln.Label + ": goroutines started by the same go statement, folded into one lane (the chart stacks how many are running, runnable, blocked and sleeping)"
		}
	}
	if keep < len(own) {
		first := len(l.d.Lanes)
		for range groups {
			add(Lane{Kind: LaneGroup})
		}
		for _, i := range own[keep:] {
			gi := len(groups) - 1
			for j, name := range groups {
				if name == gs[i].Name {
					gi = j
					break
				}
			}
			l.laneOf[gs[i].ID] = first + gi
			l.d.Lanes[first+gi].Members++
		}
		for j, name := range groups {
			ln := &l.d.Lanes[first+j]
			ln.Label = "+" + strconv.Itoa(ln.Members) + " more"
			if name != "" {
				ln.Label += " " + name
			}
			ln.Title = ln.Label + " goroutines collapsed into one lane (the chart stacks how many are running, runnable, blocked and sleeping)"
		}
	}
	l.clock = -1
	for _, e := range l.t.Events {
		if e.G == trace.NoGoroutine && e.Kind != trace.KindExit {
			l.clock = add(Lane{Kind: LaneClock, Label: "clock", Title: "events of no goroutine: timers firing, deadlines"})
			break
		}
	}
}

// groupNames lists the distinct names of gs in order, at most k; when there
// are more, the last entry is "" (every other name).
func groupNames(gs []trace.Goroutine, k int) []string {
	var names []string
	seen := map[string]bool{}
	for _, g := range gs {
		if !seen[g.Name] {
			seen[g.Name] = true
			names = append(names, g.Name)
		}
	}
	if len(names) > k {
		names = append(names[:k-1], "")
	}
	return names
}

// live is the open state of a goroutine during the pass over events.
type live struct {
	st      trace.State
	seq0    int
	on, why string
	sleep   trace.Time
}

func (l *layouter) events() {
	d, t := l.d, l.t
	gst := make([]live, len(t.Goroutines)+1)
	goFrom := map[trace.GoID]int{} // child -> seq of its go event
	var sends, recvs []int
	for k := range t.Events {
		e := &t.Events[k]
		x := d.X(k)
		switch e.Kind {
		case trace.KindState:
			l.state(e, &gst[e.G], x)
			if from, ok := goFrom[e.G]; ok {
				delete(goFrom, e.G)
				if l.solo[e.G] && l.solo[t.Events[from].G] {
					p := &d.Lanes[l.laneOf[t.Events[from].G]]
					c := &d.Lanes[l.laneOf[e.G]]
					d.Arrows = append(d.Arrows, Arrow{Kind: MarkGo, X0: d.X(from), Y0: p.Mid(), X1: x, Y1: c.Mid(),
						Seq0: from, Seq1: k, Title: l.names.caption(t, from, false)})
				}
			}
			continue
		case trace.KindGo:
			goFrom[e.Peer] = k
		case trace.KindSleep:
			gst[e.G].sleep = trace.Time(e.Delta)
		case trace.KindSend:
			if e.Peer != trace.NoGoroutine {
				sends = append(sends, k)
			}
		case trace.KindRecv:
			if e.Peer != trace.NoGoroutine {
				recvs = append(recvs, k)
			}
		case trace.KindExit:
			d.Exit = &ExitLine{X: x, Seq: k, Label: "exit", Title: l.names.caption(t, k, false)}
		case trace.KindRace:
			l.race(k, e, x) // race.go
			continue
		}
		l.marker(e, x)
	}
	last := len(t.Events) - 1
	for g := range gst {
		if s := &gst[g]; s.st.Alive() && l.solo[g] {
			l.closeSeg(trace.GoID(g), s, last, d.X(last))
		}
	}
	for i := range d.Lanes {
		d.Lanes[i].Segments = mergeSegments(d.Lanes[i].Segments)
		for j := range d.Lanes[i].Markers {
			if m := &d.Lanes[i].Markers[j]; m.Count > 1 {
				m.Title += " (and " + strconv.Itoa(m.Count-1) + " more)"
				if m.Label != "" {
					m.Label += " ×" + strconv.Itoa(m.Count)
				}
			}
		}
		d.Lanes[i].Markers = aggregate(d.Lanes[i].Markers)
	}
	l.sendArrows(sends, recvs)
	l.alignEnds()
}

// state handles a state change of goroutine e.G.
func (l *layouter) state(e *trace.Event, s *live, x float64) {
	k := int(e.Seq)
	if !l.solo[e.G] && e.G != trace.NoGoroutine {
		l.stack(e.G, s.st, e.State, k, x)
	}
	if s.st.Alive() && l.solo[e.G] {
		l.closeSeg(e.G, s, k, x)
	}
	switch e.State {
	case trace.StateDone, trace.StateKilled, trace.StateLeaked:
		if l.solo[e.G] {
			ln := &l.d.Lanes[l.laneOf[e.G]]
			ln.End, ln.EndX, ln.EndSeq = End(e.State.String()), x, k
			if e.State == trace.StateLeaked {
				ln.EndText = "leaked"
				for _, lk := range l.t.Outcome.Leaked {
					if lk.G == e.G && lk.Reason != "" {
						ln.EndText = "leaked: " + lk.Reason
					}
				}
			}
		}
	}
	*s = live{st: e.State, seq0: k, sleep: s.sleep}
	switch e.State {
	case trace.StateBlocked:
		s.on, s.why = l.objName(e.Obj), e.Text
	case trace.StateSleeping:
		s.why = "time.Sleep"
		if s.sleep > 0 {
			s.why += "(" + trace.Time(s.sleep).String() + ")"
		}
	}
}

func (l *layouter) closeSeg(g trace.GoID, s *live, seq int, x float64) {
	if x < l.d.Left-2 || l.d.X(s.seq0) > l.d.Right+2 {
		return // outside the zoomed window
	}
	ln := &l.d.Lanes[l.laneOf[g]]
	ln.Segments = append(ln.Segments, Segment{State: s.st, X0: l.d.X(s.seq0), X1: x,
		Seq0: s.seq0, Seq1: seq, On: s.on, Why: s.why})
}

// addPoint appends p to a step chart, replacing the last point when they
// are less than a pixel apart.
func addPoint(ps []Point, p Point) []Point {
	if n := len(ps); n > 0 && p.X-ps[n-1].X < minPx && n > 1 {
		ps[n-1].V, ps[n-1].Seq = p.V, p.Seq
		return ps
	}
	return append(ps, p)
}

// mergeSegments merges runs of segments narrower than a pixel; the merged
// segment takes the state that covers most of its width.
func mergeSegments(in []Segment) []Segment {
	if len(in) < 2 {
		return in
	}
	out := in[:0:0]
	var width [16]float64
	for _, s := range in {
		n := len(out)
		if n > 0 && (out[n-1].X1-out[n-1].X0 < minPx || s.X1-s.X0 < minPx) {
			p := &out[n-1]
			if p.Merged == 0 {
				p.Merged = 1
				width = [16]float64{}
				width[p.State&15] = p.X1 - p.X0
			}
			p.Merged++
			width[s.State&15] += s.X1 - s.X0
			if width[s.State&15] > width[p.State&15] {
				p.State, p.On, p.Why = s.State, s.On, s.Why
			}
			p.X1, p.Seq1 = s.X1, s.Seq1
			continue
		}
		out = append(out, s)
	}
	return out
}

// objName names an object for display.
func (l *layouter) objName(id trace.ObjID) string {
	if o := l.t.Object(id); o != nil {
		return o.Name
	}
	return ""
}

// summary is the one-line description used as aria-label.
func (l *layouter) summary() string {
	t := l.t
	s := "Goroutine timeline"
	if t.Program != "" {
		s += " of " + t.Program
	}
	s += ": " + plural(len(t.Goroutines), "goroutine") + ", " + plural(len(t.Events), "event")
	if t.Outcome.Exit != trace.ExitNone {
		s += ", exit " + t.Outcome.Exit.String()
	}
	if n := len(t.Outcome.Leaked); n > 0 {
		s += ", " + strconv.Itoa(n) + " leaked"
	}
	return s
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return strconv.Itoa(n) + " " + w + "s"
}
