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

// Report is what explore -json writes.
type Report struct {
	Runs     int       `json:"runs"`
	Strategy string    `json:"strategy"`
	Complete bool      `json:"complete,omitempty"`
	Outcomes []Outcome `json:"outcomes"`
}

func (c *command) explore(args []string) int {
	fs := c.flags("explore")
	runs := fs.Int("runs", 1000, "how many schedules to run (for exhaustive: at most)")
	strategy := fs.String("strategy", "random", "exploration strategy: random, pct or exhaustive")
	seed := fs.Int64("seed", 1, "seed of the first run (run i uses seed+i)")
	steps := fs.Int("steps", 0, "stop each run after this many steps (default 1,000,000)")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	if !c.parse(fs, args) {
		return 1
	}
	rep, err := Explore(c.prog, c.file, sim.ExploreOptions{
		Runs: *runs, Strategy: *strategy, Seed: *seed, Run: sim.Options{StepLimit: *steps, OutputLimit: outputLimit(c.lim)},
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
	rep := &Report{Runs: r.Runs, Strategy: r.Strategy, Complete: r.Complete}
	for _, o := range r.Outcomes {
		ro := opts.Run
		ro.NoStatements = true
		ro.Seed = o.Seed
		ro.Strategy = reproStrategy(r.Strategy, o, opts.Depth)
		tr := sim.Run(prog, ro)
		rep.Outcomes = append(rep.Outcomes, Outcome{Outcome: o, Code: ExitStatus(tr.Outcome)})
	}
	return rep, nil
}

// reproStrategy is the strategy that reproduces outcome o of an exploration.
func reproStrategy(name string, o sim.Outcome, depth int) sim.Strategy {
	switch name {
	case "pct":
		if depth <= 0 {
			depth = 3
		}
		return sim.PCT(depth)
	case "exhaustive":
		return sim.Replay(o.Choices)
	}
	return sim.Random()
}

// reproFlags are the trace flags that reproduce outcome o.
func reproFlags(strategy string, o sim.Outcome) string {
	if strategy == "exhaustive" {
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
	Outcome     // the most frequent of them, the one reproduced
	total   int // runs of all of them
}

// merge groups rep's outcomes by exit, status, output and stderr, keeping
// the order of first appearance (most frequent first).
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
		ms[i].total += o.Count
	}
	slices.SortStableFunc(ms, func(a, b merged) int { return b.total - a.total })
	return ms
}

// writeReport lists the outcomes for people.
func writeReport(w io.Writer, rep *Report, file string) {
	ms := merge(rep)
	complete := ""
	if rep.Complete {
		complete = ", every schedule"
	}
	fmt.Fprintf(w, "%d run%s (%s%s), %d outcome%s; counts are over possible schedules, not how often real hardware does it\n",
		rep.Runs, plural(rep.Runs), rep.Strategy, complete, len(ms), plural(len(ms)))
	for i, m := range ms {
		o := m.Outcome
		how := o.Exit.String()
		if o.Code != 0 {
			how = fmt.Sprintf("%s, exit status %d", how, o.Code)
		}
		fmt.Fprintf(w, "\n#%d  %d× %s  (lanes trace %s %s)\n", i+1, m.total, how, reproFlags(rep.Strategy, o.Outcome), file)
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
