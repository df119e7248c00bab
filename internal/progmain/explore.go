package progmain

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"lanes/sim"
)

// Outcome is one outcome of explore -json: sim.Outcome plus the exit
// status Go would give it.
type Outcome struct {
	sim.Outcome
	Code int `json:"code"`
}

// Report is what explore -json writes: sim.Report's fields, with each
// outcome's exit status.
type Report struct {
	Runs     int             `json:"runs"`
	Strategy string          `json:"strategy"`
	Complete bool            `json:"complete,omitempty"` // every schedule of the program was run
	Bound    int             `json:"bound,omitempty"`    // exhaustive: the preemption bound (-1: none)
	Covered  int             `json:"covered,omitempty"`  // exhaustive: every schedule with at most this many preemptions was run (-1: not even those without)
	Limited  bool            `json:"limited,omitempty"`  // stopped at the run limit before complete for the bound
	Limit    int             `json:"limit,omitempty"`
	Outcomes []Outcome       `json:"outcomes"`
	Races    []sim.RaceCount `json:"races,omitempty"` // data races, in how many runs each
}

// sim returns the report as sim.Report, for its words.
func (r *Report) sim(outcomes int) *sim.Report {
	return &sim.Report{Runs: r.Runs, Strategy: r.Strategy, Complete: r.Complete, Bound: r.Bound,
		Covered: r.Covered, Limited: r.Limited, Limit: r.Limit, Outcomes: make([]sim.Outcome, outcomes)}
}

func (c *command) explore(args []string) int {
	fs := c.flags("explore")
	runs := fs.Int("runs", 1000, "how many schedules to run (for exhaustive: at most)")
	strategy := fs.String("strategy", "random", "exploration strategy: random, pct or exhaustive")
	seed := fs.Int64("seed", 1, "seed of the first run (run i uses seed+i; run 0 is the runtime strategy's)")
	bound := fs.Int("bound", sim.DefaultBound, "exhaustive: the most preemptions (and time slips) a schedule may have; -1: no bound")
	steps := fs.Int("steps", 0, "stop each run after this many steps (default 1,000,000)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	race := fs.Bool("race", false, "print each data race found as Go's race detector does, and exit 66 if there was one")
	if !c.parse(fs, args) {
		return 1
	}
	if *bound == 0 {
		fmt.Fprintf(c.stderr, "lanes explore: -bound 0: give 1 or more preemptions, or -1 for no bound (every bound from 0 up is searched in turn)\n")
		return 1
	}
	rep, err := Explore(c.prog, c.file, sim.ExploreOptions{
		Runs: *runs, Strategy: *strategy, Seed: *seed, Bound: *bound, Run: sim.Options{StepLimit: *steps, OutputLimit: outputLimit(c.lim)},
	})
	if err != nil {
		fmt.Fprintf(c.stderr, "lanes explore: %v\n", err)
		return 1
	}
	if *asJSON {
		b, err := json.Marshal(rep)
		if err != nil {
			fmt.Fprintf(c.stderr, "lanes explore: %v\n", err)
			return 1
		}
		c.stdout.Write(append(b, '\n'))
		return 0
	}
	writeReport(c.stdout, rep, c.file)
	if *race && len(rep.Races) > 0 {
		for _, rc := range rep.Races {
			io.WriteString(c.stderr, rc.Report)
		}
		io.WriteString(c.stderr, sim.RaceSummary(len(rep.Races)))
		return sim.RaceExitCode
	}
	return 0
}

// Explore runs sim.Explore and adds each outcome's exit status, found by
// replaying its reproducing run.
func Explore(prog func(), file string, opts sim.ExploreOptions) (*Report, error) {
	opts.Run.Program = file
	r, err := sim.Explore(prog, opts)
	if err != nil {
		return nil, err
	}
	rep := &Report{Runs: r.Runs, Strategy: r.Strategy, Complete: r.Complete, Bound: r.Bound,
		Covered: r.Covered, Limited: r.Limited, Limit: r.Limit, Races: r.Races}
	for _, o := range r.Outcomes {
		ro := opts.Run
		ro.NoStatements = true
		ro.Seed = o.Seed
		ro.Strategy = sim.Replay(o.Choices)
		tr := sim.Run(prog, ro)
		rep.Outcomes = append(rep.Outcomes, Outcome{Outcome: o, Code: ExitStatus(tr.Outcome)})
	}
	return rep, nil
}

// reproFlags are the trace flags that reproduce outcome o.
func reproFlags(strategy string, o sim.Outcome) string {
	switch {
	case o.Runtime:
		return fmt.Sprintf("-strategy runtime -seed %d", o.Seed)
	case strategy == "exhaustive":
		if len(o.Choices) == 0 {
			return "-replay 0"
		}
		return "-replay " + formatChoices(o.Choices)
	}
	return fmt.Sprintf("-strategy %s -seed %d", strategy, o.Seed)
}

// merged is one line of the text report: the outcomes that printed the
// same and ended the same way, whichever goroutines were killed or leaked.
type merged struct {
	Outcome     // the runtime one if any, else the most frequent of them: the one reproduced
	total   int // runs of all of them
	slipped int // those of them in which time slipped
}

// slip reports whether m was found only in schedules where time slipped.
func (m merged) slip() bool { return m.total > 0 && m.slipped == m.total }

// merge groups rep's outcomes by exit, status, output and stderr: the
// runtime strategy's first, those found only when time slipped last, each
// part most frequent first (as the web's explorer lists them).
func merge(rep *Report) []merged {
	var ms []merged
	index := map[string]int{}
	for _, o := range rep.Outcomes {
		key := fmt.Sprintf("%v\x00%d\x00%s\x00%s\x00%s", o.Exit, o.Code, o.Output, o.OutputSum, o.Stderr)
		i, ok := index[key]
		if !ok {
			i = len(ms)
			index[key] = i
			ms = append(ms, merged{Outcome: o})
		}
		if o.Runtime {
			ms[i].Outcome = o
		}
		ms[i].total += o.Count
		ms[i].slipped += o.Slipped
	}
	slices.SortStableFunc(ms, func(a, b merged) int {
		if ra, rb := sim.ListRank(a.Runtime, a.slip()), sim.ListRank(b.Runtime, b.slip()); ra != rb {
			return ra - rb
		}
		return b.total - a.total
	})
	return ms
}

// writeReport lists the outcomes for people.
func writeReport(w io.Writer, rep *Report, file string) {
	ms := merge(rep)
	sr := rep.sim(len(ms))
	fmt.Fprintf(w, "%s (%s)\n", sr.Summary(), rep.Strategy)
	fmt.Fprintf(w, "Each count says in how many of the schedules tried an outcome was found, not how often real Go does it.\n")
	for i, m := range ms {
		o := m.Outcome
		how := o.Exit.String()
		if o.Code != 0 {
			how = fmt.Sprintf("%s, exit status %d", how, o.Code)
		}
		if o.Runtime {
			how += ", Go on one CPU, timers on time (the runtime strategy)"
		}
		if m.slip() {
			how += ", " + sim.SlipLabel
		}
		fmt.Fprintf(w, "\n#%d  %s, %s  (lanes trace %s %s)\n", i+1, how,
			sr.Found(sim.Outcome{Count: m.total}), reproFlags(rep.Strategy, o.Outcome), file)
		out := o.Output
		if out == "" {
			fmt.Fprintf(w, "    (no output)\n")
		}
		for line := range strings.Lines(out) {
			fmt.Fprintf(w, "    | %s", line)
			if !strings.HasSuffix(line, "\n") {
				fmt.Fprintf(w, "⏎ (no newline at end)\n")
			}
		}
		if o.OutputBytes > len(o.Output) {
			fmt.Fprintf(w, "    … (the first %s of %d bytes)\n", sim.Bytes(int64(len(o.Output))), o.OutputBytes)
		}
		if o.Stderr != "" {
			fmt.Fprintf(w, "    stderr: %s\n", o.Stderr)
		}
		writeGoroutines(w, "killed at exit", o.Killed)
		writeGoroutines(w, "leaked", o.Leaked)
	}
	if len(rep.Races) > 0 {
		fmt.Fprintln(w)
	}
	for _, rc := range rep.Races {
		fmt.Fprintf(w, "%s  (lanes trace -race %s %s)\n", rc.String(rep.Runs), reproFlags(rep.Strategy, sim.Outcome{Seed: rc.Seed}), file)
	}
}

// writeGoroutines lists goroutines of the reproduced run, "2× func1 (line 11)".
func writeGoroutines(w io.Writer, what string, gs []string) {
	if len(gs) == 0 {
		return
	}
	var parts []string
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j] == gs[i] {
			j++
		}
		if j-i > 1 {
			parts = append(parts, fmt.Sprintf("%d× %s", j-i, gs[i]))
		} else {
			parts = append(parts, gs[i])
		}
		i = j
	}
	fmt.Fprintf(w, "    %s (in that run): %s\n", what, strings.Join(parts, ", "))
}
