package timeline

import (
	"strconv"
)

// labelY is the baseline of a lane's label: its centre, or the centre of
// a group lane's first row.
func labelY(ln *Lane) float64 {
	if ln.Kind == LaneGroup {
		return ln.Y + ln.H/groupRows/2 + 4
	}
	return ln.Mid() + 4
}

// groupNote writes a group lane's second and third label rows: how many
// at most were alive at once, how many returned, and (folded kinds) that
// a click shows them one by one. That row is a button to the keyboard
// too (tabindex, role, aria-expanded; the app's keys give it Enter and
// Space).
func (w *svgw) groupNote(ln *Lane, seq int) {
	if ln.Kind != LaneGroup {
		return
	}
	row := ln.H / groupRows
	note := "up to " + strconv.Itoa(int(ln.StackMax)) + " alive at once"
	narrow := w.labelW < 160 // a phone's label column: the short words
	if narrow {
		note = "≤" + strconv.Itoa(int(ln.StackMax)) + " at once"
	}
	w.item(seq)
	w.text("dim", 8, ln.Y+row*1.5+4, "", note, ` data-seq="`, strconv.Itoa(seq), `"`)
	w.s("\n")
	if ln.Key != "" {
		w.item(seq)
		what := "▸ show them one by one"
		if ln.Expanded {
			what = "▴ fold them again"
		}
		if narrow {
			what = "▸ one by one"
			if ln.Expanded {
				what = "▴ fold again"
			}
		}
		w.text("dim fold", 8, ln.Y+row*2.5+4, "", what, ` data-seq="`, strconv.Itoa(seq), `" data-fold="`, EscapeHTML(ln.Key),
			`" tabindex="0" role="button" aria-expanded="`, strconv.FormatBool(ln.Expanded), `"`)
		w.s("\n")
	}
}

// stackClass is the class of each layer of a group lane's stacked chart.
var stackClass = [stackStates]string{stRunning: "gk-run", stRunnable: "gk-rdy", stBlocked: "gk-blk", stSleeping: "gk-slp"}

// stack draws a group lane's stacked chart: from the base up, how many
// members are running, runnable, blocked and sleeping; each layer is the
// area under the sum of the states up to it, painted top layer first.
func (w *svgw) stack(d *Diagram, ln *Lane) {
	if len(ln.Stack) == 0 || ln.StackMax <= 0 {
		return
	}
	base := ln.Y + ln.H - 3
	scale := (ln.H - 6) / float64(ln.StackMax)
	end := max(d.endX(), ln.Stack[len(ln.Stack)-1].X)
	for top := stackStates - 1; top >= 0; top-- {
		cls := stackClass[top]
		if top == stBlocked {
			cls += `" fill="url(#` + w.id + `-hatch)`
		}
		w.s(`<path class="`, cls, `" d="M`)
		w.pt(ln.Stack[0].X, base)
		for _, p := range ln.Stack {
			var c int32
			for i := 0; i <= top; i++ {
				c += p.N[i]
			}
			w.s("H")
			w.f(p.X)
			w.s("V")
			w.f(base - float64(c)*scale)
		}
		w.s("H")
		w.f(end)
		w.s("V")
		w.f(base)
		w.s(`Z"/>`, "\n")
	}
}
