// Tests of the course on the real lessons (package registry), from outside:
// the registry imports course.
package course_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	. "lanes/course"
)

func mainOf(t *testing.T, slug, variant string) func() {
	t.Helper()
	l, ok := registry.Find(slug)
	if !ok {
		t.Fatalf("no lesson %q", slug)
	}
	v, ok := l.Variant(variant)
	if !ok {
		t.Fatalf("lesson %q has no variant %q", slug, variant)
	}
	return v.Main
}

// sameOutcome reports whether a page's run ends the way an outcome says.
func sameOutcome(r Drawing, o ExploreOutcome) bool {
	out := r.Trace.Outcome
	stderr, _, _ := strings.Cut(out.Stderr, "\n")
	return out.Output == o.Output && out.Exit.String() == o.Exit && stderr == o.Stderr &&
		len(out.Killed) == len(o.Killed) && len(out.Leaked) == len(o.Leaked)
}

// TestExploreReplaysEveryOutcome: every outcome's replay (seed and
// strategy, or recorded choices) reproduces it on the page's own run.
func TestExploreReplaysEveryOutcome(t *testing.T) {
	c := registry.Course()
	tests := []struct {
		desc, slug, variant, mode string
		runs                      int
		wantStrategy              string
		wantComplete              bool
		minOutcomes               int
	}{
		{desc: "a small program is enumerated", slug: "race-to-exit", variant: "nowait", mode: "auto",
			wantStrategy: "exhaustive", wantComplete: true, minOutcomes: 1},
		{desc: "misuse: every schedule of extra-done", slug: "misuse", variant: "extra-done", mode: "auto",
			wantStrategy: "exhaustive", wantComplete: true, minOutcomes: 2},
		{desc: "auto: every schedule with at most 2 preemptions", slug: "golden-rule", variant: "add-inside", mode: "auto",
			wantStrategy: "exhaustive", wantComplete: true, minOutcomes: 2},
		{desc: "pct seeds replay with a fresh strategy", slug: "golden-rule", variant: "add-inside", mode: "pct", runs: 300,
			wantStrategy: "pct", minOutcomes: 2},
		{desc: "random on the counter lesson", slug: "counter", variant: "workers", mode: "random", runs: 200,
			wantStrategy: "random", minOutcomes: 2},
	}
	for _, tt := range tests {
		calls := 0 // outcomes: the runtime one, then the most often found
		res, err := c.Explore(tt.slug, tt.variant, ExploreRequest{Mode: tt.mode, Runs: tt.runs, Seed: 1},
			func(done, total int) bool { calls++; return true })
		if err != nil {
			t.Fatalf("%s: Explore: %v", tt.desc, err)
		}
		if res.Strategy != tt.wantStrategy || res.Complete != tt.wantComplete {
			t.Errorf("%s: strategy %q complete %v, want %q %v", tt.desc, res.Strategy, res.Complete, tt.wantStrategy, tt.wantComplete)
		}
		if len(res.Outcomes) < tt.minOutcomes {
			t.Errorf("%s: %d outcomes, want at least %d", tt.desc, len(res.Outcomes), tt.minOutcomes)
		}
		if calls == 0 {
			t.Errorf("%s: progress was never called", tt.desc)
		}
		total := 0
		for i, o := range res.Outcomes {
			total += o.Count
			if prev := res.Outcomes[max(i-1, 0)]; i > 1 && o.Slip == prev.Slip && o.Count > prev.Count {
				t.Errorf("%s: outcomes not sorted by count: %d after %d", tt.desc, o.Count, prev.Count)
			}
			if i > 0 && !o.Slip && res.Outcomes[i-1].Slip {
				t.Errorf("%s: outcome %d, found with timers on time, after one found only when time slipped", tt.desc, i)
			}
			var r Drawing
			if o.Replay != "" {
				choices, err := DecodeChoices(o.Replay)
				if err != nil {
					t.Fatalf("%s: outcome %d: replay %q: %v", tt.desc, i, o.Replay, err)
				}
				r, err = c.Run(tt.slug, tt.variant, ViewState{Replay: o.Replay})
				if err != nil || len(choices) == 0 {
					t.Fatal(err)
				}
			} else {
				if o.Strategy != tt.wantStrategy {
					t.Fatalf("%s: outcome %d has neither replay nor a seed of %s: %+v", tt.desc, i, tt.wantStrategy, o)
				}
				r, err = c.Run(tt.slug, tt.variant, ViewState{Seed: o.Seed, Strategy: o.Strategy})
				if err != nil {
					t.Fatal(err)
				}
			}
			if !sameOutcome(r, o) {
				t.Errorf("%s: outcome %d (%q, %s) replays as %q, %v", tt.desc, i, o.Output, o.Exit, r.Trace.Outcome.Output, r.Trace.Outcome.Exit)
			}
		}
		if total != res.Runs {
			t.Errorf("%s: counts add up to %d, want %d runs", tt.desc, total, res.Runs)
		}
	}
}

func TestExploreStopsAndRefuses(t *testing.T) {
	prog := mainOf(t, "golden-rule", "add-inside")
	res, err := Explore(prog, ExploreRequest{Mode: "random", Runs: 100, Seed: 1}, func(done, total int) bool { return done < 10 })
	if err != nil || res.Runs != 10 || !res.Stopped {
		t.Errorf("stopping after 10: runs %d stopped %v err %v, want 10 true nil", res.Runs, res.Stopped, err)
	}
	res, err = Explore(prog, ExploreRequest{Mode: "auto", Seed: 1}, func(done, total int) bool { return done < 5 })
	if want := "stopped after 5 runs; not complete"; err != nil || !res.Stopped || res.Runs != 5 || !strings.HasPrefix(res.Summary, want) {
		t.Errorf("stopping auto during the search: stopped %v, %d runs, summary %q, err %v; want true, 5, %q…, nil", res.Stopped, res.Runs, res.Summary, err, want)
	}
	if _, err := Explore(prog, ExploreRequest{Mode: "everything"}, nil); err == nil {
		t.Errorf("an unknown mode: no error")
	}
}

// TestSleepHackSliderPositions: the page sees the sleep hack with every
// slider position, itself included, in ascending order of the work.
func TestSleepHackSliderPositions(t *testing.T) {
	l, _ := registry.Find("race-to-exit")
	v, _ := l.Variant("sleep")
	_, positions, _ := l.Slider(v)
	var got []string
	for _, p := range positions {
		got = append(got, p.Name+"="+p.ParamValue)
	}
	want := "sleep-work-25ms=25ms sleep=50ms sleep-work-75ms=75ms sleep-work-100ms=100ms sleep-work-125ms=125ms sleep-work-150ms=150ms"
	if strings.Join(got, " ") != want {
		t.Errorf("slider positions\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if _, ok := l.Variant("sleep-work-150ms"); !ok {
		t.Errorf("a param twin is not found")
	}
}

func ExampleExplore() {
	l, _ := registry.Find("race-to-exit")
	v, _ := l.Variant("nowait")
	res, _ := Explore(v.Main, ExploreRequest{Mode: "auto"}, nil)
	fmt.Println(res.Strategy, res.Complete, len(res.Outcomes))
	o := res.Outcomes[0]
	fmt.Printf("%q %s killed=%v\n", o.Output, o.Exit, o.Killed)
	// Output:
	// exhaustive true 3
	// "Exiting...\n" ok killed=[func1 (line 9)]
}

// TestExploreMarksLessons: on the real lessons the runtime strategy's
// outcome comes first and the outcomes real Go printed (any GOMAXPROCS)
// are marked, the others not.
func TestExploreMarksLessons(t *testing.T) {
	c := registry.Course()
	tests := []struct {
		desc, slug, variant, mode string
		runs                      int
		summary                   string // its start
		runtime                   string // the first outcome's output
		seen, unseen              []string
		slips                     []string // the outputs found only when time slips (nil: not checked)
	}{
		{desc: "race-to-exit: every schedule with at most 2 preemptions, only one output seen on real Go; Finished! only if timers fire late", slug: "race-to-exit", variant: "nowait", mode: "auto",
			summary: "every schedule with at most 2 preemptions: ", runtime: "Exiting...\n",
			seen: []string{"Exiting...\n"}, unseen: []string{"Finished!\nExiting...\n"},
			slips: []string{"Finished!\nExiting...\n", "Exiting...\nFinished!\n"}},
		{desc: "golden-rule: every schedule with at most 2 preemptions; both real outputs marked (GOMAXPROCS 1 and 4)", slug: "golden-rule", variant: "add-inside", mode: "auto",
			summary: "every schedule with at most 2 preemptions: ", runtime: "all done?\n",
			seen: []string{"all done?\n", "worker 1 done\nworker 2 done\nworker 3 done\nall done?\n"}},
		{desc: "a slider twin was never measured: nothing marked", slug: "race-to-exit", variant: "sleep-work-150ms", mode: "random", runs: 50,
			summary: "50 random schedules (the first one the runtime strategy's)"},
	}
	for _, tt := range tests {
		res, err := c.Explore(tt.slug, tt.variant, ExploreRequest{Mode: tt.mode, Runs: tt.runs, Seed: 1}, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		if !strings.HasPrefix(res.Summary, tt.summary) {
			t.Errorf("%s: summary %q, want it to start %q", tt.desc, res.Summary, tt.summary)
		}
		if len(res.Outcomes) == 0 || !res.Outcomes[0].Runtime || tt.runtime != "" && res.Outcomes[0].Output != tt.runtime {
			t.Fatalf("%s: the first outcome is not the runtime one with %q: %+v", tt.desc, tt.runtime, res.Outcomes)
		}
		seen := map[string]bool{}
		for i, o := range res.Outcomes {
			if i > 0 && o.Runtime {
				t.Errorf("%s: outcome %d is a second runtime one", tt.desc, i)
			}
			seen[o.Output] = seen[o.Output] || o.SeenReal
			if tt.seen == nil && o.SeenReal {
				t.Errorf("%s: %q marked seen on real Go", tt.desc, o.Output)
			}
		}
		for _, s := range tt.seen {
			if !seen[s] {
				t.Errorf("%s: %q not marked seen on real Go", tt.desc, s)
			}
		}
		for _, s := range tt.unseen {
			if seen[s] {
				t.Errorf("%s: %q marked seen on real Go, real Go never printed it", tt.desc, s)
			}
		}
		for _, o := range res.Outcomes {
			if want := slices.Contains(tt.slips, o.Output); tt.slips != nil && o.Slip != want {
				t.Errorf("%s: %q marked found only when time slips: %v, want %v", tt.desc, o.Output, o.Slip, want)
			}
		}
	}
}
