package fidelity

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"lanes/app/lessons/registry"
	"lanes/sim"
)

// Races are reported where `go run -race` reports one, and nowhere else:
// for every fidelity program and every course variant, the simulator finds
// a data race (under the runtime strategy or any explored schedule) if and
// only if a -race build did, and every pair of lines the -race build
// reported is among the simulator's. What -race builds did is recorded in
// testdata/fidelity/races.json by
//
//	go test ./internal/fidelity -run TestRacesLikeGo -record-races -timeout 40m [-record-only 66_,course/]
//
// (ten -race runs per program at GOMAXPROCS=4; a happens-before detector
// reports a race whichever way the goroutines interleave, so the record is
// reproducible on a busy machine, but for races that need a rare
// interleaving to happen at all, such as an Add that comes after Wait:
// those carry a reason, SimOnly).

var (
	recordRaces = flag.Bool("record-races", false, "run every program with go run -race and write testdata/fidelity/races.json")
	recordOnly  = flag.String("record-only", "", "with -record-races: re-record only the programs whose key contains one of these comma-separated strings, and those not recorded for their current sources")
)

const racesFile = "../../testdata/fidelity/races.json"

// raceRuns is how many -race runs are recorded per program.
const raceRuns = 10

// courseRuns is how many random schedules a course variant is explored.
const courseRuns = 300

// racePairs is a set of line pairs, smaller line first.
type racePairs map[[2]int32]bool

func (p racePairs) add(a, b int32) { p[[2]int32{min(a, b), max(a, b)}] = true }

func (p racePairs) list() [][2]int32 {
	var l [][2]int32
	for k := range p {
		l = append(l, k)
	}
	slices.SortFunc(l, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	return l
}

// realRaces is what -race builds of one program reported.
type realRaces struct {
	SHA256 string     `json:"sha256"`
	Runs   int        `json:"runs"`
	Raced  int        `json:"raced"`           // runs that reported a race
	Pairs  [][2]int32 `json:"pairs,omitempty"` // the lines of both accesses of each report
	// SimOnly, written by hand, says why real Go can race where none of
	// the recorded -race runs did (a rare interleaving): the simulator may
	// then find races the record lacks. Kept when re-recording.
	SimOnly string `json:"simOnly,omitempty"`
}

// raceFile is races.json: by fidelity file name, or "course/SLUG/VARIANT".
type raceFile map[string]*realRaces

// raceTarget is one program to check.
type raceTarget struct {
	key, path string
	sim       func(t *testing.T) racePairs
}

func raceTargets(t *testing.T) []raceTarget {
	var ts []raceTarget
	for _, p := range programs(t) {
		ts = append(ts, raceTarget{key: p.name, path: p.path, sim: func(t *testing.T) racePairs {
			s := simulate(p.path)
			if s.err != nil {
				t.Fatalf("simulate: %v", s.err)
			}
			return s.races
		}})
	}
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			ts = append(ts, raceTarget{key: "course/" + l.Slug + "/" + v.Name,
				path: filepath.Join("../../app/lessons", l.Slug, v.Name, v.File),
				sim:  func(t *testing.T) racePairs { return courseRaces(t, v.Main) }})
		}
	}
	return ts
}

// courseRaces runs a course twin under the runtime strategy and explores
// it, and returns the races found.
func courseRaces(t *testing.T, main func()) racePairs {
	p := racePairs{}
	tr := sim.Run(main, sim.Options{Program: "main.go"})
	for _, rc := range tr.Outcome.Races {
		p.add(rc.Line, rc.PrevLine)
	}
	rep, err := sim.Explore(main, sim.ExploreOptions{Runs: courseRuns})
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range rep.Races {
		p.add(rc.Lines[0], rc.Lines[1])
	}
	return p
}

func TestRacesLikeGo(t *testing.T) {
	if testing.Short() && !*recordRaces {
		t.Skip("explores every program")
	}
	targets := raceTargets(t)
	if *recordRaces {
		recordAll(t, targets)
		return
	}
	var file raceFile
	b, err := os.ReadFile(racesFile)
	if err != nil {
		t.Fatalf("%v (go test ./internal/fidelity -run TestRacesLikeGo -record-races)", err)
	}
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		t.Run(tg.key, func(t *testing.T) {
			rr := file[tg.key]
			sum, err := fileSum(tg.path)
			if err != nil {
				t.Fatal(err)
			}
			if rr == nil || rr.SHA256 != sum {
				t.Fatalf("no -race record for these sources (go test ./internal/fidelity -run TestRacesLikeGo -record-races)")
			}
			got := tg.sim(t)
			if real := rr.Raced > 0; real != (len(got) > 0) && !(rr.SimOnly != "" && len(got) > 0) {
				t.Errorf("go run -race reported a race in %d of %d runs %v; the simulator found %v", rr.Raced, rr.Runs, rr.Pairs, got.list())
			}
			for _, pair := range rr.Pairs {
				if !got[pair] {
					t.Errorf("go run -race reported a race at lines %d and %d; the simulator found only %v", pair[0], pair[1], got.list())
				}
			}
		})
	}
}

// selectedKey reports whether key is to be re-recorded under -record-only.
func selectedKey(key, only string) bool {
	if only == "" {
		return true
	}
	for _, s := range strings.Split(only, ",") {
		if s != "" && strings.Contains(key, s) {
			return true
		}
	}
	return false
}

func fileSum(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), nil
}

// recordAll builds every program with -race, runs it raceRuns times and
// writes races.json.
func recordAll(t *testing.T, targets []raceTarget) {
	file := raceFile{}
	var old raceFile
	if b, err := os.ReadFile(racesFile); err == nil {
		json.Unmarshal(b, &old)
	}
	var mu sync.Mutex
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for _, tg := range targets {
		if o := old[tg.key]; o != nil && !selectedKey(tg.key, *recordOnly) {
			if sum, err := fileSum(tg.path); err == nil && sum == o.SHA256 {
				file[tg.key] = o
				continue
			}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rr, err := measureRaces(tg.path)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("%s: %v", tg.key, err)
				return
			}
			if o := old[tg.key]; o != nil {
				rr.SimOnly = o.SimOnly
			}
			file[tg.key] = rr
		}()
	}
	wg.Wait()
	b, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(racesFile, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// raceFrame is a frame line of a race report: "      /dir/main.go:14 +0x3a".
var raceFrame = regexp.MustCompile(`^\s+(\S+\.go):(\d+)`)

// measureRaces runs the program at path with -race.
func measureRaces(path string) (*realRaces, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	sum, err := fileSum(path)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "lanes-race")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	exe := filepath.Join(dir, "prog")
	if out, err := exec.Command("go", "build", "-race", "-o", exe, abs).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build -race: %v\n%s", err, out)
	}
	rr := &realRaces{SHA256: sum, Runs: raceRuns}
	pairs := racePairs{}
	for range raceRuns {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		cmd := exec.CommandContext(ctx, exe)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=4")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		cmd.Run() // the program's exit status is not what is measured
		cancel()
		if n := parseRaces(stderr.String(), abs, pairs); n > 0 {
			rr.Raced++
		}
	}
	rr.Pairs = pairs.list()
	return rr, nil
}

// parseRaces adds the line pairs of the race reports in stderr, the first
// frame in the program's file of each access, and returns how many reports
// there were.
func parseRaces(stderr, file string, pairs racePairs) int {
	n := 0
	for _, report := range strings.Split(stderr, "WARNING: DATA RACE\n")[1:] {
		n++
		report, _, _ = strings.Cut(report, "==================")
		var lines []int32
		inAccess := false
		for l := range strings.Lines(report) {
			switch {
			case strings.Contains(l, " at 0x") && strings.Contains(l, " by "):
				inAccess = true
				continue
			case strings.TrimSpace(l) == "":
				inAccess = false
			}
			if m := raceFrame.FindStringSubmatch(l); inAccess && m != nil && m[1] == file {
				k, _ := strconv.Atoi(m[2])
				lines = append(lines, int32(k))
				inAccess = false
			}
		}
		if len(lines) == 2 {
			pairs.add(lines[0], lines[1])
		}
	}
	return n
}
