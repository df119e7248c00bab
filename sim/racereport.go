package sim

import (
	"fmt"
	"strings"

	"lanes/sim/trace"
)

// RaceReport writes race rc of trace tr as Go's race detector does
// ("WARNING: DATA RACE", both accesses, where their goroutines were
// created), with the frames the simulator knows: each goroutine's function
// and the lines of the shown program. prevDone says whether the earlier
// goroutine had finished.
func RaceReport(tr *trace.Trace, rc trace.Race, prevDone bool) string {
	var b strings.Builder
	b.WriteString("==================\nWARNING: DATA RACE\n")
	access := func(prefix string, write bool, g trace.GoID, line int32) {
		what := "read"
		if write {
			what = "write"
		}
		if prefix == "" {
			what = strings.ToUpper(what[:1]) + what[1:]
		}
		fmt.Fprintf(&b, "%s%s at 0x%012x by goroutine %d:\n", prefix, what, rc.Addr, g)
		frame(&b, tr, funcOf(tr, g), line)
		b.WriteString("\n")
	}
	access("", rc.Write, rc.G, rc.Line)
	access("Previous ", rc.PrevWrite, rc.PrevG, rc.PrevLine)
	created := func(g trace.GoID, state string) {
		tg := tr.Goroutine(g)
		if tg == nil || tg.Parent == trace.NoGoroutine {
			return
		}
		fmt.Fprintf(&b, "Goroutine %d (%s) created at:\n", g, state)
		frame(&b, tr, funcOf(tr, tg.Parent), tg.Line)
		b.WriteString("\n")
	}
	created(rc.G, "running")
	prev := "running"
	if prevDone {
		prev = "finished"
	}
	created(rc.PrevG, prev)
	s := strings.TrimRight(b.String(), "\n") + "\n"
	return s + "==================\n"
}

// RaceSummary is what a -race build prints at exit: "Found N data
// race(s)".
func RaceSummary(n int) string { return fmt.Sprintf("Found %d data race(s)\n", n) }

// RaceExitCode is the exit status of a -race build that found races and
// would otherwise have exited 0.
const RaceExitCode = 66

func frame(b *strings.Builder, tr *trace.Trace, fn string, line int32) {
	fmt.Fprintf(b, "  %s()\n", fn)
	if line > 0 {
		fmt.Fprintf(b, "      %s:%d\n", tr.Program, line)
	}
}

// funcOf is the function a goroutine runs, as Go names it (main.main,
// main.worker, main.func1 for a function literal).
func funcOf(tr *trace.Trace, g trace.GoID) string {
	tg := tr.Goroutine(g)
	switch {
	case tg == nil:
		return "main.unknown"
	case tg.Func != "":
		return tg.Func
	}
	return "main." + tg.Name
}

// raceExit ends a run with races as a -race build does (RaceReport).
func (r *run) raceExit() {
	n := len(r.tr.Outcome.Races)
	if !r.opts.RaceReport || n == 0 {
		return
	}
	if r.exit == trace.ExitOK || r.exit == trace.ExitOS && r.code == 0 {
		r.stderr.WriteString(RaceSummary(n))
		r.code = RaceExitCode
	}
}
