package sim

import (
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"lanes/internal/ptrsort"
	"lanes/sim/internal/sum"
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
	// Seed is the first seed: run i uses Seed+i (run 0 is the runtime
	// strategy's schedule with that seed).
	Seed int64
	// Depth is PCT's depth (default 3).
	Depth int
	// Bound is, for "exhaustive", the most preemptions a schedule may have
	// (default 2; a time slip counts as one; negative: no bound). See
	// Explore.
	Bound int
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

// DefaultBound is the preemption bound of an exhaustive exploration when
// ExploreOptions.Bound is 0.
const DefaultBound = 2

// Outcome is one way a program can end, with how many explored runs ended
// that way and how to reproduce one of them.
type Outcome struct {
	Exit   trace.ExitKind `json:"exit"`
	Output string         `json:"output"`           // its first SampleLimit bytes
	Stderr string         `json:"stderr,omitempty"` // first line (its first SampleLimit bytes)
	Killed []string       `json:"killed,omitempty"` // "name (line N)"
	Leaked []string       `json:"leaked,omitempty"`
	// Count is in how many of the report's Runs schedules it was found:
	// a count over possible schedules, not how often real Go does it.
	Count int `json:"count"`
	// Runtime marks the runtime strategy's outcome (what Go does on one
	// CPU, timers on time): the first schedule of every exploration. Its
	// Seed reproduces it with the runtime strategy.
	Runtime bool `json:"runtime,omitempty"`
	// Slipped is in how many of the Count runs time slipped (a timer
	// fired late, as on a slow or busy machine): Count when this ending
	// was found only in such schedules. A report without it (an older
	// program module's) claims no slips.
	Slipped int   `json:"slipped,omitempty"`
	Seed    int64 `json:"seed"`
	// Choices are the first run's recorded choices: Replay reproduces it
	// exactly.
	Choices []int `json:"choices,omitempty"`

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
	Runs     int    `json:"runs"` // distinct schedules run
	Strategy string `json:"strategy"`
	// Complete: every schedule of the program was run (exhaustive, when no
	// bound or limit cut the search short). Only then may a report say
	// "every schedule".
	Complete bool `json:"complete,omitempty"`
	// Bound is the preemption bound of an exhaustive search (-1: none).
	Bound int `json:"bound,omitempty"`
	// Covered is, for exhaustive, the most preemptions up to which every
	// schedule was run: Covered == Bound means the search is complete for
	// its bound; -1 that not even every schedule without preemption was.
	Covered int `json:"covered,omitempty"`
	// Limited: the search stopped at the limit of Runs schedules (or was
	// stopped by Progress) before it was complete for its bound.
	Limited bool `json:"limited,omitempty"`
	// Limit is the limit of runs the search was given (exhaustive).
	Limit    int       `json:"limit,omitempty"`
	Outcomes []Outcome `json:"outcomes"`
	// Races are the data races found, with in how many runs each
	// (explore_race.go).
	Races []RaceCount `json:"races,omitempty"`
}

// BoundComplete reports whether every schedule with at most Bound
// preemptions was run.
func (r *Report) BoundComplete() bool {
	return r.Strategy == "exhaustive" && (r.Complete || r.Bound >= 0 && r.Covered >= r.Bound)
}

// Explore runs prog over many schedules and groups the runs by outcome:
// exit kind, output, first line of stderr, and which goroutines were killed
// or leaked. Outcomes are sorted by count, most frequent first. These are
// counts over possible schedules, not how often real hardware does it.
//
// The first schedule is always the runtime strategy's (with Seed): what
// Go does on one CPU, timers on time; its outcome is marked Runtime. The
// others explore the wider world (see Strategy): random and PCT with
// seeds Seed+1, …;
// "exhaustive" enumerates schedules depth-first with preemption bounding
// as CHESS does (Musuvathi and Qadeer, PLDI 2007), iteratively: first
// every schedule with no preemption (switches only where a goroutine
// blocks, yields or ends; every choice there and of select cases is
// explored), then every one with exactly 1, … up to Bound. A preemption is
// a switch away from a goroutine that could go on, or a time slip. The
// report says how far it got (Covered, Limited) and whether the bound cut
// anything (Complete: the whole space was searched).
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
	if opts.Bound == 0 {
		opts.Bound = DefaultBound
	}
	e := &explorer{prog: prog, opts: opts, rep: &Report{Strategy: opts.Strategy}, index: map[string]int{}}
	e.ro = opts.Run
	e.ro.NoStatements, e.ro.Light = true, true
	switch opts.Strategy {
	case "", "random":
		e.rep.Strategy = "random"
		e.sample(Random())
	case "pct":
		e.sample(PCT(opts.Depth))
	case "exhaustive":
		e.exhaust()
	default:
		return nil, fmt.Errorf("unknown exploration strategy %q (want %s)", opts.Strategy, orList(ExploreStrategyNames()))
	}
	if opts.Progress != nil {
		opts.Progress(e.rep.Runs, e.rep.Runs)
	}
	ptrsort.SortStable(e.rep.Outcomes, func(a, b *Outcome) int { return b.Count - a.Count })
	e.rep.sortRaces()
	return e.rep, nil
}

// explorer is one exploration in progress.
type explorer struct {
	prog    func()
	opts    ExploreOptions
	ro      Options
	rep     *Report
	index   map[string]int
	stopped bool // Progress said stop
}

// run runs one schedule with strategy s and seed.
func (e *explorer) run(s Strategy, seed int64) *trace.Trace {
	ro := e.ro
	ro.Strategy, ro.Seed = s, seed
	return Run(e.prog, ro)
}

// add counts a run's outcome; false when the exploration must stop
// (Progress said so).
func (e *explorer) add(tr *trace.Trace, seed int64, runtime bool) bool {
	o := outcomeOf(tr)
	key := o.key()
	i, ok := e.index[key]
	if !ok {
		o.Seed, o.Choices, o.Runtime = seed, slices.Clone(tr.Choices), runtime
		e.rep.Outcomes = append(e.rep.Outcomes, o)
		i = len(e.rep.Outcomes) - 1
		e.index[key] = i
	}
	e.rep.Outcomes[i].Count++
	if tr.Outcome.Slips > 0 {
		e.rep.Outcomes[i].Slipped++
	}
	e.rep.Runs++
	e.rep.countRaces(tr, seed)
	if p := e.opts.Progress; p != nil && e.rep.Runs%e.opts.Chunk == 0 && e.rep.Runs < e.opts.Runs && !p(e.rep.Runs, e.opts.Runs) {
		e.stopped = true
		return false
	}
	return true
}

// runtimeRun runs and counts the first schedule, the runtime strategy's.
func (e *explorer) runtimeRun() *trace.Trace {
	tr := e.run(wideRuntime(), e.opts.Seed)
	e.add(tr, e.opts.Seed, true)
	return tr
}

// sample runs the runtime schedule, then Runs-1 schedules of s.
func (e *explorer) sample(s Strategy) {
	e.runtimeRun()
	for i := 1; i < e.opts.Runs && !e.stopped; i++ {
		seed := e.opts.Seed + int64(i)
		if !e.add(e.run(s, seed), seed, false) {
			break
		}
	}
}

// exhaust runs the bounded exhaustive search.
func (e *explorer) exhaust() {
	rep := e.rep
	rep.Bound, rep.Covered, rep.Limit = e.opts.Bound, -1, e.opts.Runs
	if rep.Bound < 0 {
		rep.Bound = -1
	}
	rt := e.runtimeRun().Choices
	x := &exhaustive{}
	for bound := 0; ; bound++ {
		if rep.Bound < 0 {
			bound = -1
		}
		x.start(bound)
		for {
			if rep.Runs >= e.opts.Runs || e.stopped {
				rep.Limited = true
				return
			}
			tr := e.run(x, e.opts.Seed)
			// A schedule of lower cost was run in an earlier round; the
			// runtime one was run first.
			if (bound < 0 || x.cost() == bound) && !slices.Equal(tr.Choices, rt) {
				if !e.add(tr, e.opts.Seed, false) {
					rep.Limited = true
					return
				}
			}
			if !x.advance() {
				break
			}
		}
		rep.Covered = bound
		if !x.pruned {
			rep.Complete = true
			return
		}
		if bound == rep.Bound {
			return
		}
	}
}

func outcomeOf(tr *trace.Trace) Outcome {
	o := Outcome{Exit: tr.Outcome.Exit, Output: tr.Outcome.Output}
	if len(o.Output) > SampleLimit {
		digest := sum.SHA256([]byte(o.Output))
		o.OutputBytes, o.OutputSum = len(o.Output), hex.EncodeToString(digest[:])
		o.Output = strings.Clone(o.Output[:SampleLimit])
	}
	o.Stderr, _, _ = strings.Cut(tr.Outcome.Stderr, "\n")
	if len(o.Stderr) > SampleLimit {
		o.Stderr = strings.Clone(o.Stderr[:SampleLimit])
	}
	// A goroutine is named with its go statement's line; main has none.
	name := func(id trace.GoID) string {
		g := tr.Goroutine(id)
		if g.Line == 0 {
			return g.Name
		}
		return fmt.Sprintf("%s (line %d)", g.Name, g.Line)
	}
	for _, id := range tr.Outcome.Killed {
		o.Killed = append(o.Killed, name(id))
	}
	for _, l := range tr.Outcome.Leaked {
		o.Leaked = append(o.Leaked, name(l.G)+": "+l.Reason)
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
// prefix and then takes option 0 (no preemption); advance moves to the
// next sequence whose preemptions stay within the bound.
type exhaustive struct {
	bound   int // -1: none
	prefix  []int
	taken   []int
	ns      []int
	preempt []bool // taking a non-zero option at this decision is a preemption
	pruned  bool   // the bound cut some sequence off in this round
}

func (e *exhaustive) Name() string { return "exhaustive" }

func (e *exhaustive) Reset(int64) {
	e.taken, e.ns, e.preempt = e.taken[:0], e.ns[:0], e.preempt[:0]
}

// start begins a round over the sequences within bound.
func (e *exhaustive) start(bound int) {
	e.bound, e.prefix, e.pruned = bound, e.prefix[:0], false
}

func (e *exhaustive) Next(c Choice) int {
	i := 0
	if k := len(e.taken); k < len(e.prefix) {
		i = e.prefix[k]
	}
	e.taken = append(e.taken, i)
	e.ns = append(e.ns, c.N)
	e.preempt = append(e.preempt, c.Preemption(1))
	return i
}

// cost is how many preemptions the last run made.
func (e *exhaustive) cost() int {
	n := 0
	for i, t := range e.taken {
		if t != 0 && e.preempt[i] {
			n++
		}
	}
	return n
}

// advance sets the next prefix; false when every sequence within the bound
// has been run.
func (e *exhaustive) advance() bool {
	spent := e.cost()
	for i := len(e.taken) - 1; i >= 0; i-- {
		t := e.taken[i]
		if t != 0 && e.preempt[i] {
			spent-- // spent is now the cost of taken[:i]
		}
		if t+1 >= e.ns[i] {
			continue
		}
		if e.preempt[i] && e.bound >= 0 && spent+1 > e.bound {
			e.pruned = true
			continue
		}
		e.prefix = append(append(e.prefix[:0], e.taken[:i]...), t+1)
		return true
	}
	return false
}
