// Package progmain is the main function of a program built to run under the
// simulator (see internal/twinbuild): it runs the program's twin and
// reports what it did, one subcommand per way of looking at it.
//
//	PROG trace   [-seed N] [-strategy runtime|random|pct] [-replay CHOICES] [-steps N] [-json] [-- ARGS]
//	PROG explore [-runs N] [-strategy random|pct|exhaustive] [-seed N] [-bound N] [-steps N] [-json] [-- ARGS]
//	PROG svg     [-seed N] [-strategy runtime|random|pct] [-replay CHOICES] [-steps N]
//	             [-theme light|dark|auto] [-scale time|step] [-width PX] [-t N] [-- ARGS]
//
// Spec:
//   - trace runs the program once (strategy runtime, seed 1 by default).
//     Without -json it writes the program's own stdout exactly as Go would,
//     then on stderr the program's own stderr and Go's panic or fatal error
//     text, then a summary: exit kind, virtual duration, goroutines, and
//     the goroutines killed at exit or leaked with their lines. With -json it
//     writes the trace (sim/trace.Encode) instead. Either way the exit status
//     is the program's: 0 when main returned, the code given to os.Exit, 2
//     for a deadlock, panic, fatal error or the step limit.
//   - explore runs the program over -runs schedules (default 1,000;
//     strategy random by default, run i with seed -seed+i; run 0 is always
//     the runtime strategy's schedule) and says what it covered in words
//     that claim no more (sim.Report.Summary): "1,000 random schedules…",
//     "every schedule with at most 2 preemptions: N runs, K outcomes" for
//     exhaustive (bounded by -bound preemptions, default 2, -1 for none),
//     "every schedule" only when the whole space was run, "stopped at the
//     limit of N runs; not complete" when it was not. It lists the outcomes,
//     the runtime strategy's first ("Go on one CPU, timers on time"), then by
//     count, each "found in N of M schedules" (never a percentage) with how
//     to reproduce it (a trace -strategy/-seed, or -replay for exhaustive).
//     -json writes {"runs":N,"strategy":S,"complete":…,"bound":…,
//     "covered":…,"limited":…,"outcomes":[{"exit":"ok","output":"…",
//     "count":K,"runtime":true,"seed":S,"choices":[…],"code":C}, …]}
//     (sim.Report with each outcome's exit code added). Exit status 0.
//   - svg runs the program once like trace and writes the timeline as a
//     standalone SVG (timeline.Export: a caption line and, with -t N, the
//     playhead after N events) on stdout, a one-line summary on stderr.
//     The lesson pages' "Download SVG" calls the same function, so the same
//     program, seed, strategy and options give the same bytes. Exit status 0.
//   - -replay takes comma-separated choice indexes (sim.Replay), as printed
//     by explore for exhaustive outcomes; it overrides -strategy. Like
//     random and pct (and unlike runtime, which is GOMAXPROCS=1), a replay
//     runs in the simulator's wider world: preemption at any statement and
//     time that slips (see package sim).
//   - Arguments after "--" become the program's os.Args[1:]; os.Args[0] is
//     the shown file's name.
//   - Every subcommand takes the limits -max-memory, -max-output and
//     -max-stack (see Limits); a run stopped by one ends with exit status
//     2 and one line on stderr that says which.
//   - A usage error prints the usage on stderr and exits 1.
package progmain

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"lanes/sim"
	simos "lanes/sim/os"
)

// Main runs the subcommand named in os.Args on prog, the twin's Main of
// the shown file file, and exits with its status.
// It also applies the memory and stack limits (see Limits) to the process.
func Main(prog func(), file string) {
	stderr, report := processStderr()
	os.Exit(runMain(prog, file, os.Args[1:], os.Stdout, stderr, report))
}

// Run runs the subcommand in args (args[0] is its name) on prog, writing to
// stdout and stderr, and returns the exit status.
func Run(prog func(), file string, args []string, stdout, stderr io.Writer) int {
	return runMain(prog, file, args, stdout, stderr, nil)
}

// runMain is Run; with report set (by Main) it also applies the memory and
// stack limits to the process and tells report (Exec) which hold.
func runMain(prog func(), file string, args []string, stdout, stderr, report io.Writer) int {
	if len(args) == 0 {
		usage(stderr, file)
		return 1
	}
	cmd, rest := args[0], args[1:]
	if i := slices.Index(rest, "--"); i >= 0 {
		simos.Args = append([]string{file}, rest[i+1:]...)
		rest = rest[:i]
	} else {
		simos.Args = []string{file}
	}
	c := &command{prog: prog, file: file, stdout: stdout, stderr: stderr, report: report}
	switch cmd {
	case "trace":
		return c.trace(rest)
	case "explore":
		return c.explore(rest)
	case "svg":
		return c.svg(rest)
	case "help", "-h", "-help", "--help":
		usage(stdout, file)
		return 0
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n", file, cmd)
	usage(stderr, file)
	return 1
}

func usage(w io.Writer, file string) {
	fmt.Fprintf(w, `usage:
  lanes trace   [-seed N] [-strategy runtime|random|pct] [-replay CHOICES] [-json] %[1]s
  lanes explore [-runs N] [-strategy random|pct|exhaustive] [-seed N] [-bound N] [-json] %[1]s
  lanes svg     [-seed N] [-strategy runtime|random|pct] [-theme light|dark|auto] %[1]s > timeline.svg
`, file)
}

// command holds what every subcommand needs.
type command struct {
	prog           func()
	file           string
	stdout, stderr io.Writer
	report         io.Writer // non-nil in the process Main runs: see runMain
	lim            Limits
}

// flags returns a flag set for subcommand name that reports to c.stderr.
func (c *command) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	c.lim.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "usage of lanes %s:\n", name)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, refusing positional arguments. It returns false after
// reporting a usage error.
func (c *command) parse(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "lanes %s: unexpected argument %q (program arguments go after --)\n", fs.Name(), fs.Arg(0))
		return false
	}
	if c.report != nil {
		reportLimits(c.report, c.lim)
		guard(c.lim, c.stderr)
	}
	return true
}

// runFlags are the flags of a single run (trace and svg).
type runFlags struct {
	seed     int64
	strategy string
	replay   string
	steps    int
	race     bool
}

func (r *runFlags) register(fs *flag.FlagSet) {
	fs.Int64Var(&r.seed, "seed", 1, "seed of the schedule (and of math/rand)")
	fs.StringVar(&r.strategy, "strategy", "runtime", "scheduling strategy: "+strings.Join(sim.StrategyNames(), ", "))
	fs.StringVar(&r.replay, "replay", "", "replay these comma-separated scheduling choices (as explore prints them)")
	fs.IntVar(&r.steps, "steps", 0, "stop after this many steps (default 1,000,000)")
	fs.BoolVar(&r.race, "race", false, "report data races as a -race build does (WARNING: DATA RACE; exit status 66)")
}

// options turns the flags into sim.Options.
func (r *runFlags) options(file string, lim Limits) (sim.Options, error) {
	o := sim.Options{Seed: r.seed, StepLimit: r.steps, Program: file, OutputLimit: outputLimit(lim), RaceReport: r.race}
	if r.replay != "" {
		choices, err := parseChoices(r.replay)
		if err != nil {
			return o, err
		}
		o.Strategy = sim.Replay(choices)
		return o, nil
	}
	s, err := sim.NewStrategy(r.strategy)
	if err != nil {
		return o, err
	}
	o.Strategy = s
	return o, nil
}

// outputLimit is lim's output limit as sim.Options wants it.
func outputLimit(lim Limits) int { return int(min(max(lim.Output, 0), 1<<40)) }

func parseChoices(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("-replay: %q is not a choice index", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func formatChoices(cs []int) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = strconv.Itoa(c)
	}
	return strings.Join(s, ",")
}
