package timeline

// Playing a run without rendering it again: the SVG of the whole run
// carries every event; a clip rectangle and one style rule show what has
// happened by a position (Moved, RevealRule), so moving the playhead is a
// few attribute writes whatever the size of the run.

import (
	"strconv"
	"strings"
)

// Moved is SVGAt(d, opts, at) made from full, the SVG of the whole run
// (SVG(d, opts)), and shown (Reveal(d)) without rendering again: only the
// clip's width and the reveal rule differ.
func Moved(full string, d *Diagram, opts SVGOptions, shown []int, at int) string {
	if opts.IDPrefix == "" {
		opts.IDPrefix = "lanes"
	}
	at = min(max(at, 0), d.Events)
	if at == d.Events || len(shown) != d.Events+1 {
		return full
	}
	w := &svgw{}
	w.f(d.Width)
	clipOld := `<rect id="` + opts.IDPrefix + `-clip" x="0" y="0" width="` + string(w.b) + `"`
	w.b = w.b[:0]
	w.f(ClipWidth(d, at))
	clipNew := `<rect id="` + opts.IDPrefix + `-clip" x="0" y="0" width="` + string(w.b) + `"`
	ruleOld := `<style id="` + opts.IDPrefix + `-reveal">`
	ruleNew := ruleOld + RevealRule(opts.IDPrefix, shown[at], shown[d.Events])
	return strings.Replace(strings.Replace(full, clipOld, clipNew, 1), ruleOld, ruleNew, 1)
}

// Reveal lists, for each position at (0..d.Events), how many children of
// the SVG's event group (#<prefix>-ev) are shown: those whose event is
// before at.
func Reveal(d *Diagram) []int {
	_, seqs := render(d, SVGOptions{}, d.Events)
	return revealCounts(d, seqs)
}

func revealCounts(d *Diagram, seqs []int) []int {
	out := make([]int, d.Events+1)
	i := 0
	for at := range out {
		for i < len(seqs) && seqs[i] < at {
			i++
		}
		out[at] = i
	}
	return out
}

// RevealRule is the style rule that hides the children of the event
// group from number shown+1 on ("" when nothing is hidden).
func RevealRule(prefix string, shown, total int) string {
	if prefix == "" {
		prefix = "lanes"
	}
	if shown >= total {
		return ""
	}
	return "#" + prefix + "-ev>:nth-child(n+" + strconv.Itoa(shown+1) + "){display:none}"
}

// ClipWidth is the width of the clip rectangle after at events.
func ClipWidth(d *Diagram, at int) float64 {
	if at >= d.Events {
		return d.Width
	}
	return PlayheadX(d, at)
}
