package timeline

import (
	"strconv"
	"unicode/utf8"
)

// An honest time axis.
//
// On the virtual-time scale, time is linear between instants; an instant
// at which several events happened is expanded (its events side by side,
// in order) and that stretch, where no time passes, is drawn as a bracket
// under the axis, labelled "40 events at 10ms" where the label fits (its
// title says so always). The ticks are round virtual times. Goroutines
// killed at exit are cut at one x: the first kill of the run's end.

// bracketGap: instants closer than this (px) share one bracket.
const bracketGap = 4.0

// mergeInstants appends in to ins, or widens the last bracket to cover
// it when the two are less than bracketGap apart: a hundred rounds of
// 10 ms are one bracket, not a ruler of slivers.
func mergeInstants(ins []Instant, in Instant) []Instant {
	if n := len(ins); n > 0 && in.X0-ins[n-1].X1 < bracketGap {
		p := &ins[n-1]
		p.X1, p.Seq1, p.Until = in.X1, in.Seq1, in.Time
		p.Instants = max(p.Instants, 1) + 1
		return ins
	}
	return append(ins, in)
}

// instantLabel is the label under an expanded instant's bracket, or ""
// when it does not fit.
// A bracket over all n events of the run (no virtual time passes in the
// whole run) says so first, where that fits.
func instantLabel(in Instant, n int) string {
	s := strconv.Itoa(in.Seq1-in.Seq0+1) + " events at " + fmtTime(in.Time)
	short := strconv.Itoa(in.Seq1-in.Seq0+1) + " at " + fmtTime(in.Time)
	if in.Seq0 == 0 && in.Seq1 == n-1 && in.Instants <= 1 {
		whole := "no time passes: all " + s
		if float64(utf8.RuneCountInString(whole))*6+6 <= in.X1-in.X0 {
			return whole
		}
		short = "no time passes"
	}
	if in.Instants > 1 {
		s = strconv.Itoa(in.Seq1-in.Seq0+1) + " events at " + strconv.Itoa(in.Instants) + " instants"
		short = strconv.Itoa(in.Seq1-in.Seq0+1) + " events, " + strconv.Itoa(in.Instants) + " instants"
	}
	if float64(utf8.RuneCountInString(s))*6+6 > in.X1-in.X0 {
		s = short
	}
	if float64(utf8.RuneCountInString(s))*6+6 > in.X1-in.X0 {
		return ""
	}
	return s
}

// instant draws an expanded instant: a bracket under the axis, with its
// label under the ticks.
func (w *svgw) instant(a *Axis, in *Instant) {
	title := strconv.Itoa(in.Seq1-in.Seq0+1) + " events at " + fmtTime(in.Time) + ": no virtual time passes here; the events are spread out to be seen one by one"
	if in.Instants > 1 {
		title = strconv.Itoa(in.Seq1-in.Seq0+1) + " events at " + strconv.Itoa(in.Instants) + " instants from " + fmtTime(in.Time) + " to " + fmtTime(in.Until) +
			": no virtual time passes within an instant; its events are spread out to be seen one by one, and the time between instants is linear"
	}
	x0, x1 := in.X0+0.5, max(in.X1-0.5, in.X0+1)
	w.s(`<path class="brk"`)
	w.seqs(in.Seq0, in.Seq1)
	w.s(` d="M`)
	w.pt(x0, a.Y+19)
	w.s("V")
	w.f(a.Y + 23)
	w.s("H")
	w.f(x1)
	w.s("V")
	w.f(a.Y + 19)
	w.s(`"`)
	w.closeTitle("path", title)
	if in.Label != "" {
		w.text("dim", (x0+x1)/2, a.Y+34, title, in.Label, ` text-anchor="middle"`)
		w.s("\n")
	}
}

// alignEnds puts the cut of every goroutine killed (or leaked) at the
// run's end at one x, the first such cut: they all end at the same
// instant, the program's exit.
func (l *layouter) alignEnds() {
	d := l.d
	if d.Exit == nil {
		return
	}
	atExit := func(ln *Lane) bool {
		return (ln.End == EndKilled || ln.End == EndLeaked) && ln.EndSeq < len(l.t.Events) &&
			l.t.Events[ln.EndSeq].Time == l.t.Events[d.Exit.Seq].Time
	}
	first := -1.0
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		if atExit(ln) && (first < 0 || ln.EndX < first) {
			first = ln.EndX
		}
	}
	if first < 0 {
		return
	}
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		if !atExit(ln) {
			continue
		}
		ln.EndX = first
		if n := len(ln.Segments); n > 0 {
			s := &ln.Segments[n-1]
			s.X1 = max(first, s.X0)
		}
	}
}
