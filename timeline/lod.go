package timeline

import (
	"sort"
	"strconv"
	"strings"
)

// Level of detail.
//
// Markers of a lane closer than lodPx to each other cannot be told apart.
// A run of minRun or more (whatever their kinds) gets a "many events"
// band under the lane's bars, from the first to the last, whose title
// counts them by kind; in front of it stay the first marker of each kind
// in the run and every marker of a kind seen at most twice there (the
// close after a thousand sends). A picture zoomed in (Options.Window)
// spreads the markers out, and they come back one by one.

const (
	lodPx  = 7.0 // markers closer than this (their shapes overlap) aggregate…
	minRun = 3   // …when there are at least this many in a row
	// rareKind: a kind seen at most this often in a run keeps its markers.
	rareKind = 2
)

// MarkMany is an aggregate of markers too close to tell apart.
const MarkMany MarkKind = "many"

// aggregate replaces runs of markers closer than lodPx by MarkMany
// markers (a band over the run), keeping in each run the markers of a
// kind that happens at most rareKind times there (a close, a Wait: what
// stands out) and the first marker of every other kind (what the band is
// made of). Markers of the same kind less than a pixel apart were merged
// already (Count).
func aggregate(ms []Marker) []Marker {
	if len(ms) < 2 {
		return ms
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].X < ms[j].X })
	out := ms[:0:0]
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].X-ms[j-1].X < lodPx {
			j++
		}
		if j-i < minRun {
			out = append(out, ms[i:j]...)
			i = j
			continue
		}
		run := ms[i:j]
		m := many(run)
		out = append(out, m)
		count := map[MarkKind]int{}
		for _, r := range run {
			count[r.Kind] += max(r.Count, 1)
		}
		kept := map[MarkKind]bool{}
		last := map[MarkKind]int{} // the kind's last event in the band
		for _, r := range run {
			last[r.Kind] = max(last[r.Kind], r.Seq1)
		}
		for _, r := range run {
			if count[r.Kind] <= rareKind || !kept[r.Kind] {
				kept[r.Kind] = true
				if n := count[r.Kind]; n > rareKind && r.Label != "" {
					// The one marker kept of a kind the band is made of
					// counts the band's, not its own pixel's ("+1 ×21"
					// read as the count of a thousand Adds).
					base, _, _ := strings.Cut(r.Label, " ×")
					r.Label = base + " ×" + strconv.Itoa(n)
					r.CountAt = last[r.Kind]
				}
				out = append(out, r)
			}
		}
		i = j
	}
	return out
}

// many is the aggregate of a run of markers.
func many(run []Marker) Marker {
	m := Marker{Kind: MarkMany, X: run[0].X, X1: run[len(run)-1].X, Y: run[0].Y,
		Seq0: run[0].Seq0, Seq1: run[0].Seq1}
	count := map[MarkKind]int{}
	var kinds []MarkKind
	for _, r := range run {
		n := max(r.Count, 1)
		m.Count += n
		m.Seq0, m.Seq1 = min(m.Seq0, r.Seq0), max(m.Seq1, r.Seq1)
		if count[r.Kind] == 0 {
			kinds = append(kinds, r.Kind)
		}
		count[r.Kind] += n
	}
	var parts, keys []string
	for _, k := range kinds {
		parts = append(parts, strconv.Itoa(count[k])+" "+legendLabels[string(k)])
		keys = append(keys, string(k)+":"+strconv.Itoa(count[k]))
	}
	m.Label = strings.Join(keys, " ")
	m.Title = strconv.Itoa(m.Count) + " events too close to tell apart (" + strings.Join(parts, ", ") + "): zoom in to see them"
	return m
}

// manyBands draws a lane's aggregated markers as a band under its bars,
// in the layer clipped at the playhead (a band spans time).
func (w *svgw) manyBands(ln *Lane) {
	for i := range ln.Markers {
		if m := &ln.Markers[i]; m.Kind == MarkMany {
			// data-kinds: what the band holds ("go:997 add:997"), for tests.
			w.rect(`m-many" data-kinds="`+m.Label, m.X-1.5, ln.Mid()+6, m.X1-m.X+3, 4, m.Title, m.Seq0, m.Seq1)
		}
	}
}
