package course_test

import (
	"encoding/json"
	"reflect"
	"testing"

	. "lanes/course"
	"lanes/sim"
	"lanes/sim/trace"
)

// TestExploreReport: a program module's exploration (sim.Explore asked as
// ProgramExplore asks, its report in JSON) reads as the same result as the
// page's own Explore: the same summary, outcomes, counts and replays.
func TestExploreReport(t *testing.T) {
	tests := []struct {
		desc, slug, variant string
		req                 ExploreRequest
	}{
		{desc: "auto: the bounded search", slug: "golden-rule", variant: "add-inside", req: ExploreRequest{Mode: "auto", Seed: 1}},
		{desc: "random from seed 1", slug: "counter", variant: "workers", req: ExploreRequest{Mode: "random", Runs: 100, Seed: 1}},
		{desc: "pct from seed 1", slug: "golden-rule", variant: "add-inside", req: ExploreRequest{Mode: "pct", Runs: 100, Seed: 1}},
		{desc: "auto, with endings found only when time slips", slug: "race-to-exit", variant: "nowait", req: ExploreRequest{Mode: "auto", Seed: 1}},
	}
	for _, tt := range tests {
		prog := mainOf(t, tt.slug, tt.variant)
		want, err := Explore(prog, tt.req, nil)
		if err != nil {
			t.Fatalf("%s: Explore: %v", tt.desc, err)
		}
		m, err := ProgramExplore(tt.req, 50)
		if err != nil {
			t.Fatalf("%s: ProgramExplore: %v", tt.desc, err)
		}
		opts := sim.ExploreOptions{Strategy: m["strategy"].(string), Runs: m["runs"].(int), Chunk: 50}
		if s, ok := m["seed"].(int64); ok {
			opts.Seed = s
		}
		rep, err := sim.Explore(prog, opts)
		if err != nil {
			t.Fatalf("%s: sim.Explore: %v", tt.desc, err)
		}
		data, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ExploreReport(data, tt.req, false)
		if err != nil {
			t.Fatalf("%s: ExploreReport: %v", tt.desc, err)
		}
		if got.Summary != want.Summary || got.Complete != want.Complete || got.Runs != want.Runs {
			t.Errorf("%s: got %q complete=%v runs=%d, want %q complete=%v runs=%d", tt.desc, got.Summary, got.Complete, got.Runs, want.Summary, want.Complete, want.Runs)
		}
		if !reflect.DeepEqual(got.Outcomes, want.Outcomes) {
			t.Errorf("%s: outcomes differ:\ngot  %+v\nwant %+v", tt.desc, got.Outcomes, want.Outcomes)
		}
	}
}

// TestExploreReportWithoutSlips: a report that does not count slipped
// runs (an older program module's) marks no ending as needing one.
func TestExploreReportWithoutSlips(t *testing.T) {
	data := `{"runs":3,"strategy":"exhaustive","outcomes":[{"exit":"ok","output":"a\n","count":2,"runtime":true,"seed":1},{"exit":"ok","output":"b\n","count":1,"seed":1}]}`
	res, err := ExploreReport([]byte(data), ExploreRequest{Mode: "auto", Seed: 1}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		if o.Slip {
			t.Errorf("%q marked found only when time slips, from a report that counts no slips", o.Output)
		}
	}
}

func TestExploreReportBadInput(t *testing.T) {
	tests := []struct {
		desc string
		data string
		req  ExploreRequest
	}{
		{desc: "not JSON", data: "{", req: ExploreRequest{Mode: "auto"}},
		{desc: "unknown mode", data: `{"runs":1,"outcomes":[]}`, req: ExploreRequest{Mode: "dfs"}},
	}
	for _, tt := range tests {
		if _, err := ExploreReport([]byte(tt.data), tt.req, false); err == nil {
			t.Errorf("%s: got no error, want one", tt.desc)
		}
	}
	if _, err := ProgramExplore(ExploreRequest{Mode: "dfs"}, 1); err == nil {
		t.Errorf("ProgramExplore(dfs): got no error, want one")
	}
}

// TestExploreReportRaces: the races a program module's exploration ran
// into reach the page, in the words of lanes explore.
func TestExploreReportRaces(t *testing.T) {
	rep := sim.Report{Runs: 4, Outcomes: []sim.Outcome{{Exit: trace.ExitOK, Output: "2\n", Count: 4, Runtime: true}},
		Races: []sim.RaceCount{{Var: "n", Lines: [2]int32{12, 14}, Count: 3}}}
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ExploreReport(data, ExploreRequest{Mode: "random", Runs: 4}, false)
	if want := []string{"data race on `n` (lines 12 and 14) in 3 of 4 schedules"}; err != nil || !reflect.DeepEqual(got.Races, want) {
		t.Errorf("races %q (%v), want %q", got.Races, err, want)
	}
}
