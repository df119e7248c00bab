package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"lanes/sim/trace"
)

// ExploreOptions configure Explore.
type ExploreOptions struct {
	// Runs is how many schedules to run (default 1,000); for "exhaustive",
	// the most it may run.
	Runs int
	// Strategy is one of ExploreStrategyNames: "random" (default), "pct"
	// or "exhaustive".
	Strategy string
	// Seed is the first seed: run i uses Seed+i.
	Seed int64
	// Depth is PCT's depth (default 3).
	Depth int
	// Run holds the options of every run (step limit, leak steps…); its
	// Strategy and Seed are ignored.
	Run Options
	// Progress, if set, is called after every Chunk runs with how many are
	// done; returning false stops early. In a browser it is the place to
	// yield to the page.
	Progress func(done, total int) bool
	// Chunk is how many runs go between Progress calls (default 50).
	Chunk int
}

// Outcome is one way a program can end, with how many explored runs ended
// that way and how to reproduce one of them.
type Outcome struct {
	Exit    trace.ExitKind `json:"exit"`
	Output  string         `json:"output"`           // its first SampleLimit bytes
	Stderr  string         `json:"stderr,omitempty"` // first line (its first SampleLimit bytes)
	Killed  []string       `json:"killed,omitempty"` // "name (line N)"
	Leaked  []string       `json:"leaked,omitempty"`
	Count   int            `json:"count"`
	Seed    int64          `json:"seed"`
	Choices []int          `json:"choices,omitempty"` // replays it exactly (sim.Replay)

	// OutputBytes and OutputSum, set only when Output is cut short, are the
	// whole output's length and SHA-256 (hex): outcomes are told apart by
	// their whole output.
	OutputBytes int    `json:"output_bytes,omitempty"`
	OutputSum   string `json:"output_sha256,omitempty"`
}

// SampleLimit bounds the output and stderr line an Outcome keeps, so that
// an exploration holds at most SampleLimit bytes per outcome however much
// its runs print.
const SampleLimit = 64 << 10

// Report is the result of Explore.
type Report struct {
	Runs     int       `json:"runs"`
	Strategy string    `json:"strategy"`
	Complete bool      `json:"complete,omitempty"` // exhaustive: every schedule was run
	Outcomes []Outcome `json:"outcomes"`
}

// Explore runs prog over many schedules and groups the runs by outcome:
// exit kind, output, first line of stderr, and which goroutines were killed
// or leaked. Outcomes are sorted by count, most frequent first. These are
// counts over possible schedules, not how often real hardware does it.
func Explore(prog func(), opts ExploreOptions) (*Report, error) {
	if opts.Runs <= 0 {
		opts.Runs = 1000
	}
	if opts.Chunk <= 0 {
		opts.Chunk = 50
	}
	if opts.Depth <= 0 {
		opts.Depth = 3
	}
	rep := &Report{Strategy: opts.Strategy}
	index := map[string]int{}
	add := func(tr *trace.Trace, seed int64, choices []int) {
		o := outcomeOf(tr)
		key := o.key()
		i, ok := index[key]
		if !ok {
			o.Seed, o.Choices = seed, choices
			rep.Outcomes = append(rep.Outcomes, o)
			i = len(rep.Outcomes) - 1
			index[key] = i
		}
		rep.Outcomes[i].Count++
		rep.Runs++
	}
	ro := opts.Run
	ro.NoStatements, ro.Light = true, true
	var ex *exhaustive
	switch opts.Strategy {
	case "", "random":
		rep.Strategy = "random"
		ro.Strategy = Random()
	case "pct":
		ro.Strategy = PCT(opts.Depth)
	case "exhaustive":
		ex = &exhaustive{}
		ro.Strategy = ex
	default:
		return nil, fmt.Errorf("unknown exploration strategy %q (want %s)", opts.Strategy, orList(ExploreStrategyNames()))
	}
	for i := 0; i < opts.Runs; i++ {
		ro.Seed = opts.Seed + int64(i)
		tr := Run(prog, ro)
		var choices []int
		if ex != nil {
			choices = slices.Clone(tr.Choices)
		}
		add(tr, ro.Seed, choices)
		if ex != nil && !ex.advance() {
			rep.Complete = true
			break
		}
		if opts.Progress != nil && (i+1)%opts.Chunk == 0 && !opts.Progress(i+1, opts.Runs) {
			break
		}
	}
	if opts.Progress != nil {
		opts.Progress(rep.Runs, rep.Runs)
	}
	slices.SortStableFunc(rep.Outcomes, func(a, b Outcome) int { return b.Count - a.Count })
	return rep, nil
}

func outcomeOf(tr *trace.Trace) Outcome {
	o := Outcome{Exit: tr.Outcome.Exit, Output: tr.Outcome.Output}
	if len(o.Output) > SampleLimit {
		sum := sha256.Sum256([]byte(o.Output))
		o.OutputBytes, o.OutputSum = len(o.Output), hex.EncodeToString(sum[:])
		o.Output = strings.Clone(o.Output[:SampleLimit])
	}
	o.Stderr, _, _ = strings.Cut(tr.Outcome.Stderr, "\n")
	if len(o.Stderr) > SampleLimit {
		o.Stderr = strings.Clone(o.Stderr[:SampleLimit])
	}
	name := func(id trace.GoID, line int32) string {
		g := tr.Goroutine(id)
		return fmt.Sprintf("%s (line %d)", g.Name, g.Line)
	}
	for _, id := range tr.Outcome.Killed {
		o.Killed = append(o.Killed, name(id, 0))
	}
	for _, l := range tr.Outcome.Leaked {
		o.Leaked = append(o.Leaked, name(l.G, l.Line)+": "+l.Reason)
	}
	slices.Sort(o.Killed)
	slices.Sort(o.Leaked)
	return o
}

func (o Outcome) key() string {
	return fmt.Sprintf("%v\x00%s\x00%s\x00%s\x00%s\x00%s", o.Exit, o.Output, o.OutputSum, o.Stderr,
		strings.Join(o.Killed, "\x01"), strings.Join(o.Leaked, "\x01"))
}

// exhaustive enumerates choice sequences depth-first: each run follows a
// prefix and then takes option 0; advance moves to the next sequence.
type exhaustive struct {
	prefix []int
	taken  []int
	ns     []int
}

func (e *exhaustive) Name() string { return "exhaustive" }

func (e *exhaustive) Reset(int64) { e.taken, e.ns = e.taken[:0], e.ns[:0] }

func (e *exhaustive) Next(c Choice) int {
	i := 0
	if k := len(e.taken); k < len(e.prefix) {
		i = e.prefix[k]
	}
	e.taken = append(e.taken, i)
	e.ns = append(e.ns, c.N)
	return i
}

// advance sets the next prefix; false when every sequence has been run.
func (e *exhaustive) advance() bool {
	i := len(e.taken) - 1
	for i >= 0 && e.taken[i]+1 >= e.ns[i] {
		i--
	}
	if i < 0 {
		return false
	}
	e.prefix = append(slices.Clone(e.taken[:i]), e.taken[i]+1)
	return true
}
