package fidelity

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"lanes/internal/progmain"
	"lanes/internal/realgo"
	"lanes/internal/twinbuild"
	"lanes/sim/trace"
)

const dir = "../../testdata/fidelity"

// runsPerStrategy schedules are explored with random and again with pct.
const runsPerStrategy = 2000

// outcome is what is compared between real Go and the simulator.
type outcome struct {
	kind   string // ok, panic, deadlock, fatal, exit (realgo's names)
	code   int
	stdout string
	stderr string // first line
}

func (o outcome) String() string {
	s := fmt.Sprintf("%s (status %d) stdout %q", o.kind, o.code, o.stdout)
	if o.stderr != "" {
		s += fmt.Sprintf(" stderr %q", o.stderr)
	}
	return s
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

func fromReal(o realgo.Outcome) outcome {
	return outcome{o.Kind, o.ExitCode, o.Stdout, firstLine(o.Stderr)}
}

func fromResult(r realgo.Result) outcome {
	return outcome{r.Kind, r.ExitCode, r.Stdout, r.FirstStderrLine()}
}

// simKind maps the simulator's exit kinds to realgo's names.
func simKind(k trace.ExitKind) string {
	if k == trace.ExitOS {
		return realgo.KindExit
	}
	return k.String()
}

// simulated is what the simulator did with one program.
type simulated struct {
	runtime  outcome
	outcomes []outcome // runtime first, then every explored one
	counts   map[outcome]int
	invalid  error // the runtime strategy's trace breaks trace.Validate
	// timed: the program uses the clock (sleeps, timers, tickers,
	// deadlines), so on a loaded machine its timers may fire late even at
	// GOMAXPROCS=1.
	timed bool
	races racePairs // line pairs of every race found, runtime or explored
	err   error
}

func (s *simulated) has(o outcome) bool { return slices.Contains(s.outcomes, o) }

func (s *simulated) list() string {
	var b strings.Builder
	for _, o := range s.outcomes {
		fmt.Fprintf(&b, "\n\t%5d× %v", s.counts[o], o)
	}
	return b.String()
}

var (
	simMu   sync.Mutex
	simMemo = map[string]*simulated{}
)

// simulate builds and runs the twin of the program at path, once per test
// binary.
func simulate(path string) *simulated {
	simMu.Lock()
	s, ok := simMemo[path]
	if !ok {
		s = &simulated{}
		simMemo[path] = s
	}
	simMu.Unlock()
	// Callers for one path never run concurrently (see forEach).
	if s.counts == nil && s.err == nil {
		s.err = s.run(path)
	}
	return s
}

func (s *simulated) run(path string) error {
	exe, err := twinbuild.Build(path)
	if err != nil {
		return err
	}
	out, err := runTwin(exe, "trace", "-json")
	if err != nil {
		return err
	}
	tr, err := trace.Unmarshal(out)
	if err != nil {
		return fmt.Errorf("trace -json: %v", err)
	}
	s.invalid = trace.Validate(tr)
	for _, e := range tr.Events {
		if e.Kind == trace.KindSleep || e.Kind == trace.KindTimer || e.G == trace.NoGoroutine && e.Kind != trace.KindExit {
			s.timed = true
		}
	}
	for _, o := range tr.Objects {
		s.timed = s.timed || o.Kind == trace.ObjTimer
	}
	s.counts = map[outcome]int{}
	s.runtime = outcome{simKind(tr.Outcome.Exit), progmain.ExitStatus(tr.Outcome), tr.Outcome.Output, firstLine(tr.Outcome.Stderr)}
	s.outcomes = []outcome{s.runtime}
	s.counts[s.runtime]++
	s.races = racePairs{}
	for _, rc := range tr.Outcome.Races {
		s.races.add(rc.Line, rc.PrevLine)
	}
	for _, strategy := range []string{"random", "pct"} {
		out, err := runTwin(exe, "explore", "-json", "-strategy", strategy, "-runs", fmt.Sprint(runsPerStrategy))
		if err != nil {
			return err
		}
		var rep progmain.Report
		if err := json.Unmarshal(out, &rep); err != nil {
			return fmt.Errorf("explore -json: %v", err)
		}
		if rep.Runs != runsPerStrategy {
			return fmt.Errorf("explore -strategy %s: %d runs, want %d", strategy, rep.Runs, runsPerStrategy)
		}
		for _, rc := range rep.Races {
			s.races.add(rc.Lines[0], rc.Lines[1])
		}
		for _, o := range rep.Outcomes {
			so := outcome{simKind(o.Exit), o.Code, o.Output, o.Stderr}
			if s.counts[so] == 0 {
				s.outcomes = append(s.outcomes, so)
			}
			s.counts[so] += o.Count
		}
	}
	return nil
}

// runTwin runs the twin executable and returns its stdout; a non-zero exit
// status is the program's own, and not an error if stdout parses.
func runTwin(exe string, args ...string) ([]byte, error) {
	cmd := exec.Command(exe, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) || !json.Valid(out) {
		return nil, fmt.Errorf("%s %s: %v\n%s", filepath.Base(exe), strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// program is one program of the suite with its recorded real runs.
type program struct {
	name, path string
	real       *realgo.Program
}

func programs(t *testing.T) []program {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no programs in %s", dir)
	}
	f, err := realgo.ReadFile(filepath.Join(dir, "real.json"))
	if err != nil {
		t.Fatalf("read real.json: %v", err)
	}
	var ps []program
	for _, file := range files {
		p := program{name: filepath.Base(file), path: file, real: f.Lookup(filepath.Base(file))}
		if p.real != nil {
			sum, err := realgo.Hash(file)
			if err != nil {
				t.Fatal(err)
			}
			if sum != p.real.SHA256 {
				t.Errorf("%s: real.json was measured on other sources (go generate ./internal/realgo)", p.name)
				p.real = nil
			}
		} else {
			t.Errorf("%s: not in real.json (go generate ./internal/realgo)", p.name)
		}
		ps = append(ps, p)
	}
	return ps
}

// forEach runs f for every program as a subtest, two at a time.
func forEach(t *testing.T, ps []program, f func(t *testing.T, p program, s *simulated)) {
	sem := make(chan struct{}, 2)
	t.Run("group", func(t *testing.T) {
		for _, p := range ps {
			t.Run(strings.TrimSuffix(p.name, ".go"), func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				s := simulate(p.path)
				if s.err != nil {
					t.Fatalf("simulate: %v", s.err)
				}
				f(t, p, s)
			})
		}
	})
}
