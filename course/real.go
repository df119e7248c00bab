package course

import (
	"fmt"
	"strings"

	"lanes/timeline"
)

// RealHTML is what a variant did on the real Go runtime, as trusted HTML:
// outcomes with counts per GOMAXPROCS, measurements of one machine beside
// the simulator's counts over possible schedules. A slider twin was not
// measured: it says so. "" for a variant never measured.
func (c *Course) RealHTML(v *Variant) string {
	if len(v.Real) == 0 && v.Parent != "" {
		return `<section class="real"><h3>On real Go</h3><p>Only the lesson's own value was measured on real Go; this one runs in the simulator only.</p></section>`
	}
	return realHTML(v, c.machine)
}

// realHTML shows what a program did on the real Go runtime: outcomes with
// counts per GOMAXPROCS. They are measurements of one machine, beside the
// simulator's counts over possible schedules ("" when not measured).
func realHTML(v *Variant, machine string) string {
	const maxRealRows = 5 // per GOMAXPROCS; the rest is summed up
	var b strings.Builder
	if len(v.Real) > 0 {
		fmt.Fprintf(&b, `<section class="real"><h3>On real Go</h3><p>What this program printed when run with <code>go run</code> on %s (counts of real runs on one machine, not of possible schedules):</p>`,
			timeline.EscapeHTML(machine))
		fmt.Fprintf(&b, `<table><tr><th>GOMAXPROCS</th><th>runs</th><th>output</th><th>exit</th></tr>`)
		for _, bt := range v.Real {
			for i, o := range bt.Outcomes {
				if i == maxRealRows && len(bt.Outcomes) > maxRealRows+1 {
					rest := 0
					for _, o := range bt.Outcomes[i:] {
						rest += o.Count
					}
					fmt.Fprintf(&b, "<tr><td></td><td>%d of %d</td><td colspan=\"2\">%d other outputs</td></tr>", rest, bt.Runs, len(bt.Outcomes)-i)
					break
				}
				procs, runs := "", ""
				if i == 0 {
					procs, runs = fmt.Sprint(bt.GOMAXPROCS), fmt.Sprintf("%d of %d", o.Count, bt.Runs)
				} else {
					runs = fmt.Sprintf("%d of %d", o.Count, bt.Runs)
				}
				exit := o.Kind
				if o.Stderr != "" {
					exit += ": " + o.Stderr
				}
				fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td><pre>%s</pre></td><td>%s</td></tr>",
					procs, runs, timeline.EscapeHTML(o.Stdout), timeline.EscapeHTML(exit))
			}
		}
		b.WriteString("</table></section>")
	}
	return b.String()
}
