package timeline

import (
	"math"
	"sort"
	"strconv"

	"lanes/sim/trace"
)

const (
	eventPx    = 8.0  // preferred width of one event's slot in ScaleTime
	maxInstant = 0.6  // at most this share of the plot goes to instants
	minTickGap = 44.0 // px between kept tick labels
	minPx      = 1.0  // shapes narrower than this merge
)

// xscale maps events to x.
type xscale struct {
	left, width float64
	xs          []float64
	// ScaleTime: the instants (distinct times) and where they start/end.
	times       []trace.Time
	start, end  []float64
	pxPerNs     float64
	firstSeq    []int
	numAtInstnt []int
	origin      float64 // x of time 0 (left, unless zoomed)
	win         Window  // the window shown
}

func newXScale(t *trace.Trace, scale Scale, left, width float64, win Window) *xscale {
	s := unzoomed(t, scale, left, width)
	if !win.Zoomed() {
		return s
	}
	win = win.norm()
	s.win = win
	z := func(x float64) float64 { return win.zoomX(x, left, width) }
	for i := range s.xs {
		s.xs[i] = z(s.xs[i])
	}
	for i := range s.start {
		s.start[i], s.end[i] = z(s.start[i]), z(s.end[i])
	}
	s.origin = z(left)
	s.pxPerNs /= win.To - win.From
	return s
}

func unzoomed(t *trace.Trace, scale Scale, left, width float64) *xscale {
	n := len(t.Events)
	s := &xscale{left: left, width: width, xs: make([]float64, n), origin: left, win: Window{0, 1}}
	if n == 0 {
		return s
	}
	if scale == ScaleStep {
		e := width / float64(n)
		for k := range s.xs {
			s.xs[k] = left + (float64(k)+0.5)*e
		}
		return s
	}
	for k, ev := range t.Events {
		if k == 0 || ev.Time != t.Events[k-1].Time {
			s.times = append(s.times, ev.Time)
			s.firstSeq = append(s.firstSeq, k)
			s.numAtInstnt = append(s.numAtInstnt, 0)
		}
		s.numAtInstnt[len(s.numAtInstnt)-1]++
	}
	span := float64(t.Events[n-1].Time)
	share := 1.0
	if span > 0 {
		share = math.Min(maxInstant, float64(n)*eventPx/width)
		s.pxPerNs = (1 - share) * width / span
	}
	e := share * width / float64(n)
	pos := left
	prev := trace.Time(0)
	for i, tm := range s.times {
		pos += float64(tm-prev) * s.pxPerNs
		s.start = append(s.start, pos)
		for j := 0; j < s.numAtInstnt[i]; j++ {
			s.xs[s.firstSeq[i]+j] = pos + (float64(j)+0.5)*e
		}
		pos += float64(s.numAtInstnt[i]) * e
		s.end = append(s.end, pos)
		prev = tm
	}
	return s
}

// timeX is the x of virtual time tm: the start of its instant if events
// happened then, else proportional within the gap.
func (s *xscale) timeX(tm trace.Time) float64 {
	i := sort.Search(len(s.times), func(i int) bool { return s.times[i] > tm }) - 1
	if i < 0 {
		return s.origin + float64(tm)*s.pxPerNs
	}
	if s.times[i] == tm {
		return s.start[i]
	}
	return s.end[i] + float64(tm-s.times[i])*s.pxPerNs
}

// axis builds the ticks (and, in ScaleTime, the expanded instants).
func (s *xscale) axis(t *trace.Trace, scale Scale, y float64) Axis {
	a := Axis{Y: y}
	n := len(t.Events)
	if n == 0 {
		return a
	}
	var ticks []Tick
	if scale == ScaleStep {
		a.Label = "step"
		step := niceStep(float64(n) * (s.win.To - s.win.From) / math.Max(1, s.width/80))
		for k := int64(0); k < int64(n); k += step {
			ticks = append(ticks, Tick{X: s.xs[k], Label: strconv.FormatInt(k, 10)})
		}
	} else {
		// A run where no virtual time passes is one instant at 0: one
		// tick, "0", and one bracket under the whole run that says so.
		a.Label = "virtual time"
		span := t.Events[n-1].Time
		ticks = append(ticks, Tick{X: s.timeX(0), Label: "0"})
		if span > 0 {
			linear := s.pxPerNs * float64(span)
			// About one tick per 60 px of linear time, and at least a few
			// over the run: where expanded instants take most of a narrow
			// plot, the ticks fall between them (too close ones are
			// dropped below).
			step := min(niceStep(float64(span)/math.Max(1, linear/60)), niceStep(float64(span)/4))
			for tm := trace.Time(step); tm <= span; tm += trace.Time(step) {
				ticks = append(ticks, Tick{X: s.timeX(tm), Label: fmtTime(tm)})
			}
		}
		right := s.left + s.width
		for i := range s.times {
			if s.numAtInstnt[i] > 1 && s.end[i] >= s.left && s.start[i] <= right {
				in := Instant{X0: max(s.start[i], s.left), X1: min(s.end[i], right), Time: s.times[i],
					Seq0: s.firstSeq[i], Seq1: s.firstSeq[i] + s.numAtInstnt[i] - 1}
				a.Instants = mergeInstants(a.Instants, in)
			}
		}
		for i := range a.Instants {
			a.Instants[i].Label = instantLabel(a.Instants[i], n)
		}
	}
	for _, tk := range ticks {
		if tk.X < s.left-0.5 || tk.X > s.left+s.width+0.5 {
			continue // outside a zoomed window
		}
		if len(a.Ticks) == 0 || tk.X-a.Ticks[len(a.Ticks)-1].X >= minTickGap {
			a.Ticks = append(a.Ticks, tk)
		}
	}
	return a
}

// niceStep rounds v up to 1, 2 or 5 times a power of ten (at least 1).
func niceStep(v float64) int64 {
	if v <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= v {
			return int64(m * p)
		}
	}
	return int64(10 * p)
}

// fmtTime formats a virtual time for the axis: "0", "250µs", "500ms", "1s", "1.5s".
func fmtTime(t trace.Time) string {
	if t == 0 {
		return "0"
	}
	units := []struct {
		d    trace.Time
		name string
	}{{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1, "ns"}}
	for _, u := range units {
		if t >= u.d || u.d == 1 {
			return strconv.FormatFloat(float64(t)/float64(u.d), 'f', -1, 64) + u.name
		}
	}
	return ""
}
