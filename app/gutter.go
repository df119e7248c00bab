package app

import (
	"strconv"

	"lanes/sim/trace"
)

// The code pane's gutter names the goroutines at a line. Its width is
// fixed for the whole run, so the code never reflows as the run plays,
// but it is fixed per line: a line where no goroutine ever stands (a
// comment, a brace, a declaration) has none, and a line where only
// "main" stands has room for "main", not for the longest name. The
// page's CSS caps each at the pane's --gutter. So the code wraps only
// where it must: in a 513 px column beside the timeline, or on a phone,
// a 7.5 em gutter on every line had left about 40 columns of code.

// Badge metrics (code.css: .who is 11 px, padded 4 px a side, 3 px apart).
const (
	badgeCharPx = 6.6
	badgePadPx  = 8
	badgeGapPx  = 3
)

// gutterWidths is, for each line of the program, the gutter it needs in
// px over the whole run of tr: its widest first badge (a goroutine's
// name, shortened as code shows it) and, where several goroutines stand
// at once, the "+N" badge for the most there at once. Lines absent need
// none.
func gutterWidths(tr *trace.Trace, names []string) map[int32]float64 {
	out := map[int32]float64{}
	if tr == nil {
		return out
	}
	name := func(g trace.GoID) int { return len([]rune(shorten(badgeName(names, g), maxBadgeChars))) }
	at := map[trace.GoID]int32{} // each live goroutine's line, as frameAt keeps it
	count := map[int32]int{}     // goroutines at each line now
	chars := map[int32]int{}     // the longest name ever at each line
	most := map[int32]int{}      // the most goroutines ever at each line at once
	leave := func(g trace.GoID) {
		if l, ok := at[g]; ok {
			count[l]--
			delete(at, g)
		}
	}
	for i := range tr.Events {
		e := &tr.Events[i]
		if l, ok := at[e.G]; e.Line > 0 && (!ok || l != e.Line) {
			leave(e.G)
			at[e.G] = e.Line
			count[e.Line]++
			most[e.Line] = max(most[e.Line], count[e.Line])
			chars[e.Line] = max(chars[e.Line], name(e.G))
		}
		if leavesLine(e) {
			leave(e.G)
		}
	}
	for l, n := range chars {
		w := badgePadPx + badgeCharPx*float64(n)
		if m := most[l]; m > 1 {
			w += badgeGapPx + badgePadPx + badgeCharPx*float64(1+len(strconv.Itoa(m-1)))
		}
		out[l] = w + 2 // rounding of the text's width
	}
	return out
}

// gutterCache keeps gutterWidths for the run shown: code asks at every
// step.
type gutterCache struct {
	tr *trace.Trace
	w  map[int32]float64
}

func (c *gutterCache) widths(tr *trace.Trace, names []string) map[int32]float64 {
	if c.tr != tr || c.w == nil {
		c.tr, c.w = tr, gutterWidths(tr, names)
	}
	return c.w
}
