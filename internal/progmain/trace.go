package progmain

import (
	"fmt"
	"io"
	"strings"

	"lanes/sim"
	"lanes/sim/trace"
)

func (c *command) trace(args []string) int {
	fs := c.flags("trace")
	var rf runFlags
	rf.register(fs)
	asJSON := fs.Bool("json", false, "write the trace as JSON instead of the program's output")
	if !c.parse(fs, args) {
		return 1
	}
	opts, err := rf.options(c.file, c.lim)
	if err != nil {
		fmt.Fprintf(c.stderr, "lanes trace: %v\n", err)
		return 1
	}
	tr := sim.Run(c.prog, opts)
	if *asJSON {
		if err := trace.Encode(c.stdout, tr); err != nil {
			fmt.Fprintf(c.stderr, "lanes trace: %v\n", err)
			return 1
		}
		return ExitStatus(tr.Outcome)
	}
	io.WriteString(c.stdout, tr.Outcome.Output)
	io.WriteString(c.stderr, tr.Outcome.Stderr)
	io.WriteString(c.stderr, Summary(tr))
	return ExitStatus(tr.Outcome)
}

// ExitStatus is the process exit status Go gives a program that ended
// with o: 0, the os.Exit code, or 2.
func ExitStatus(o trace.Outcome) int {
	switch o.Exit {
	case trace.ExitOK:
		return o.Code // 0, or 66 when a -race run found races
	case trace.ExitOS:
		return o.Code
	}
	if o.Code != 0 {
		return o.Code
	}
	return 2
}

// Summary describes how a run ended in a few lines, each starting with
// "lanes: ": the exit kind and status, the virtual duration, the
// goroutines, and each goroutine killed at exit or leaked.
func Summary(tr *trace.Trace) string {
	var b strings.Builder
	o := tr.Outcome
	how := exitWords(o)
	strat := tr.Strategy
	if strat != "replay" {
		strat = fmt.Sprintf("%s, seed %d", strat, tr.Seed)
	}
	fmt.Fprintf(&b, "lanes: %s after %v of virtual time; %d goroutine%s (at most %d at once), %d steps, strategy %s\n",
		how, o.Duration, len(tr.Goroutines), plural(len(tr.Goroutines)), o.PeakLive, o.Steps, strat)
	for _, rc := range o.Races {
		fmt.Fprintf(&b, "lanes: data race on `%s` (lines %d and %d): %s by goroutine %d, %s by goroutine %d\n",
			rc.Var, min(rc.Line, rc.PrevLine), max(rc.Line, rc.PrevLine), rw(rc.Write), rc.G, rw(rc.PrevWrite), rc.PrevG)
	}
	for _, id := range o.Killed {
		if id == 1 {
			continue // main itself, after a deadlock or os.Exit
		}
		fmt.Fprintf(&b, "lanes: killed at exit: %s\n", goName(tr, id))
	}
	for _, l := range o.Leaked {
		at := ""
		if l.Line > 0 {
			at = fmt.Sprintf(" at line %d", l.Line)
		}
		fmt.Fprintf(&b, "lanes: leaked: %s, %s%s\n", goName(tr, l.G), l.Reason, at)
	}
	return b.String()
}

// exitWords says how the program ended, e.g. "panic (exit status 2)".
func exitWords(o trace.Outcome) string {
	switch o.Exit {
	case trace.ExitOK:
		return fmt.Sprintf("main returned (exit status %d)", ExitStatus(o))
	case trace.ExitOS:
		return fmt.Sprintf("os.Exit(%d)", o.Code)
	case trace.ExitStepLimit:
		n := sim.StepLimitOf(o)
		if n == 0 {
			n = o.Steps
		}
		return fmt.Sprintf("stopped after %s steps (exit status %d)", sim.Thousands(n), ExitStatus(o))
	case trace.ExitOutputLimit:
		return fmt.Sprintf("stopped at the output limit (exit status %d)", ExitStatus(o))
	case trace.ExitCancelled:
		return fmt.Sprintf("stopped: cancelled (exit status %d)", ExitStatus(o))
	}
	return fmt.Sprintf("%v (exit status %d)", o.Exit, ExitStatus(o))
}

// goName names a goroutine as "worker (goroutine 3, go at line 12)".
func goName(tr *trace.Trace, id trace.GoID) string {
	g := tr.Goroutine(id)
	if g == nil {
		return fmt.Sprintf("goroutine %d", id)
	}
	if g.Line > 0 {
		return fmt.Sprintf("%s (goroutine %d, go at line %d)", g.Name, id, g.Line)
	}
	return fmt.Sprintf("%s (goroutine %d)", g.Name, id)
}

func rw(write bool) string {
	if write {
		return "write"
	}
	return "read"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
