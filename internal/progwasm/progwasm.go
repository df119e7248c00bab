// Package progwasm is the bridge of a program module: the standalone
// WebAssembly program (GOOS=js GOARCH=wasm) that holds the simulator, one
// program's twin and this bridge, built by internal/progbuild and run by
// the /play page in a Web Worker (web/progworker.js).
//
// Terms:
//   - The program is the twin's Main (see sim/rewrite) and the shown file
//     name (as in panics and error messages), given to New.
//   - A run is one schedule of the program: RunRequest (seed, strategy or
//     replayed choices, step and output limits, arguments) in, the trace
//     out as sim/trace's versioned JSON (trace.Marshal).
//   - An exploration runs many schedules (sim.Explore): ExploreRequest in,
//     sim.Report out as JSON, with a progress callback every Chunk runs
//     that may stop it early.
//
// Spec:
//   - Requests are JSON objects (the worker's messages); unknown fields are
//     ignored, every field has a default (a run: strategy runtime, seed 1;
//     an exploration: 1,000 runs of strategy random from seed 1).
//   - Limits hold whatever the request asks: a run stops after at most
//     MaxSteps steps (DefaultSteps unless the request asks otherwise), an
//     explored run after MaxExploreSteps (DefaultExploreSteps), and both
//     after MaxOutput bytes of output (DefaultOutput); an exploration runs
//     at most MaxRuns schedules. A
//     program that never ends therefore ends as "steplimit", one that
//     prints megabytes as "outputlimit", never as a hung worker (the page
//     may still end a slow one by terminating its worker).
//   - A bad request (unknown strategy, negative counts, malformed JSON,
//     replay choices that are not indexes) is an error with a clear
//     message; nothing here panics on any request (a panic of the simulator
//     itself is recovered and returned as an error).
//   - The JavaScript half (js.go, GOOS=js only) exposes the module as
//     globalThis.lanesProgram (see Serve); the logic lives here, in plain
//     Go, tested natively.
package progwasm

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"lanes/sim"
	simos "lanes/sim/os"
	"lanes/sim/trace"
)

// Limits of every request (see the package doc).
//
// A trace costs about 340 bytes of JSON per step (a program that loops
// forever: 3.4 MB at 10,000 steps), so a run's default is small; an
// explored run records no events, so its limits are higher.
const (
	DefaultSteps        = 20_000
	MaxSteps            = 200_000
	DefaultExploreSteps = 100_000
	MaxExploreSteps     = 1_000_000
	DefaultOutput       = 1 << 20
	MaxOutput           = 8 << 20
	MaxRuns             = 100_000
	DefaultRuns         = 1000
	DefaultChunk        = 50
)

// Module is one program's bridge.
type Module struct {
	prog func()
	file string
}

// New returns the bridge of the program prog (a twin's Main) shown as file.
func New(prog func(), file string) *Module { return &Module{prog: prog, file: file} }

// File is the shown file's name.
func (m *Module) File() string { return m.file }

// RunRequest asks for one run.
type RunRequest struct {
	Seed     *int64   `json:"seed"`     // default 1
	Strategy string   `json:"strategy"` // runtime (default), random or pct
	Replay   []int    `json:"replay"`   // scheduling choices to replay; overrides strategy
	Steps    int      `json:"steps"`    // step limit (default DefaultSteps, at most MaxSteps)
	Output   int      `json:"output"`   // output limit in bytes (default DefaultOutput, at most MaxOutput)
	Args     []string `json:"args"`     // os.Args[1:]
	// Sched asks for a run of the scheduler game (sim.RunScheduled):
	// Replay is the game's choices so far, Then how it goes on by itself
	// from there ("" waits for the reader, "runtime", "random"), and the
	// answer is a SchedAnswer instead of a bare trace.
	Sched bool   `json:"sched"`
	Then  string `json:"then"`
}

// SchedAnswer is the answer to a Sched run: the run's trace (versioned
// JSON), the reader's decision it stopped at (nil: it ended), the Steps
// of the reader's decisions before it and the preemptions they spent
// (see sim.Scheduled). Scheduled is always true: a page tells a module
// that knows the game from one built before it.
type SchedAnswer struct {
	Scheduled   bool            `json:"scheduled"`
	Trace       json.RawMessage `json:"trace"`
	Pause       *sim.Pause      `json:"pause"`
	Decisions   []int           `json:"decisions"`
	Preemptions int             `json:"preemptions"`
}

// ExploreRequest asks for an exploration.
type ExploreRequest struct {
	Runs     int    `json:"runs"`     // default DefaultRuns, at most MaxRuns
	Strategy string `json:"strategy"` // random (default), pct or exhaustive
	Seed     *int64 `json:"seed"`     // first seed (default 1)
	Depth    int    `json:"depth"`    // PCT's depth (default 3)
	Steps    int    `json:"steps"`    // step limit of each run
	Output   int    `json:"output"`   // output limit of each run
	Chunk    int    `json:"chunk"`    // runs between progress calls (default DefaultChunk)
}

// Run runs the program once and returns its trace as JSON.
func (m *Module) Run(req RunRequest) (out []byte, err error) {
	opts, err := m.runOptions(req)
	if err != nil {
		return nil, err
	}
	defer recoverInto(&err)
	simos.Args = append([]string{m.file}, req.Args...)
	if req.Sched {
		return m.sched(req, opts)
	}
	tr := sim.Run(m.prog, opts)
	return trace.Marshal(tr)
}

// sched is Run for the scheduler game (RunRequest.Sched).
func (m *Module) sched(req RunRequest, opts sim.Options) ([]byte, error) {
	var then sim.Strategy
	switch req.Then {
	case "":
	case "runtime":
		then = sim.Runtime()
	case "random":
		then = sim.Random()
	default:
		return nil, fmt.Errorf("then: unknown way to go on %q (want runtime or random)", req.Then)
	}
	r := sim.RunScheduled(m.prog, opts, req.Replay, then)
	if then != nil { // finished by a strategy: the whole run is the game's state
		r = sim.RunScheduled(m.prog, opts, r.Trace.Choices, nil)
	}
	tr, err := trace.Marshal(r.Trace)
	if err != nil {
		return nil, err
	}
	return json.Marshal(SchedAnswer{Scheduled: true, Trace: tr, Pause: r.Pause, Decisions: r.Decisions, Preemptions: r.Preemptions})
}

// RunJSON is Run on a request in JSON.
func (m *Module) RunJSON(req []byte) ([]byte, error) {
	var r RunRequest
	if err := decode(req, &r); err != nil {
		return nil, err
	}
	return m.Run(r)
}

func (m *Module) runOptions(req RunRequest) (sim.Options, error) {
	steps, err := limit("steps", req.Steps, DefaultSteps, MaxSteps)
	if err != nil {
		return sim.Options{}, err
	}
	output, err := limit("output", req.Output, DefaultOutput, MaxOutput)
	if err != nil {
		return sim.Options{}, err
	}
	seed := seedOf(req.Seed)
	o := sim.Options{Seed: seed, StepLimit: steps, OutputLimit: output, Program: m.file}
	if req.Replay != nil {
		for _, c := range req.Replay {
			if c < 0 {
				return o, fmt.Errorf("replay: %d is not a choice index", c)
			}
		}
		o.Strategy = sim.Replay(req.Replay)
		return o, nil
	}
	s, err := sim.NewStrategy(req.Strategy)
	if err != nil {
		return o, err
	}
	o.Strategy = s
	return o, nil
}

// Explore runs the program over many schedules. progress, if set, is
// called every req.Chunk runs with how many are done; returning false
// stops early (the report then holds the runs done).
func (m *Module) Explore(req ExploreRequest, progress func(done, total int) bool) (rep *sim.Report, err error) {
	runs, err := limit("runs", req.Runs, DefaultRuns, MaxRuns)
	if err != nil {
		return nil, err
	}
	steps, err := limit("steps", req.Steps, DefaultExploreSteps, MaxExploreSteps)
	if err != nil {
		return nil, err
	}
	output, err := limit("output", req.Output, DefaultOutput, MaxOutput)
	if err != nil {
		return nil, err
	}
	if req.Chunk < 0 || req.Depth < 0 {
		return nil, errors.New("chunk and depth must not be negative")
	}
	if req.Chunk == 0 {
		req.Chunk = DefaultChunk
	}
	seed := seedOf(req.Seed)
	defer recoverInto(&err)
	simos.Args = []string{m.file}
	return sim.Explore(m.prog, sim.ExploreOptions{
		Runs: runs, Strategy: req.Strategy, Seed: seed, Depth: req.Depth, Chunk: req.Chunk,
		Run:      sim.Options{StepLimit: steps, OutputLimit: output, Program: m.file},
		Progress: progress,
	})
}

// ExploreJSON is Explore on a request in JSON, with the report in JSON.
func (m *Module) ExploreJSON(req []byte, progress func(done, total int) bool) ([]byte, error) {
	var r ExploreRequest
	if err := decode(req, &r); err != nil {
		return nil, err
	}
	rep, err := m.Explore(r, progress)
	if err != nil {
		return nil, err
	}
	return json.Marshal(rep)
}

// limit checks a requested count: 0 means def, a negative one is refused,
// and none goes over max.
func limit(name string, n, def, max int) (int, error) {
	switch {
	case n < 0:
		return 0, fmt.Errorf("%s must not be negative (got %d)", name, n)
	case n == 0:
		return def, nil
	}
	return min(n, max), nil
}

// seedOf is the seed asked for, 1 by default.
func seedOf(p *int64) int64 {
	if p == nil {
		return 1
	}
	return *p
}

// decode reads a request; an empty one is all defaults.
func decode(b []byte, v any) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		return nil
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("bad request: %v", err)
	}
	return nil
}

// recoverInto turns a panic of the simulator into an error.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("lanes: internal error: %v", r)
	}
}

// traceVersion is the version of the traces Run writes.
const traceVersion = trace.Version
