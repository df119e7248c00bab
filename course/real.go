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
				fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
					procs, runs, realStdout(o.Stdout), timeline.EscapeHTML(realExit(o.Kind, o.Stderr)))
			}
		}
		b.WriteString("</table></section>")
	}
	return b.String()
}

// realStdout is a real run's output cell: the text as printed, or a
// muted "nothing printed" where the cell would be empty.
func realStdout(out string) string {
	if out == "" {
		return `<span class="real-none">nothing printed</span>`
	}
	return "<pre>" + timeline.EscapeHTML(out) + "</pre>"
}

// realExit is a real run's exit cell: its kind, and what it wrote to
// stderr unless that already begins with the kind ("panic: worker 2: bad
// input" is not repeated as "panic: panic: …").
func realExit(kind, stderr string) string {
	switch {
	case stderr == "":
		return kind
	case strings.HasPrefix(stderr, kind+":"):
		return stderr
	}
	return kind + ": " + stderr
}
