package timeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"lanes/internal/golden"
	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
	"lanes/sim/trace"
	"lanes/timeline"
)

// racySleepers is the twin of two workers that sleep, then add to a
// shared counter without a lock (counter++ at line 12).
func racySleepers() {
	counter := 0
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		sim.Go("worker", func() {
			defer wg.Done()
			sim.Step(11)
			time.Sleep(time.Duration(i) * time.Millisecond)
			sim.StepAt(12)
			sim.Store(&counter, sim.Load(&counter, "counter")+1, "counter")
		})
	}
	wg.Wait()
	fmt.Println(counter)
}

// TestRaceAndSlip: a race is two marks, one per access ("W 12" and "R 12"
// or "W 12"), on the two goroutines' lanes, joined by a line without an
// arrowhead; a time slip is a marked slip on the clock lane; the styles
// come with them only.
func TestRaceAndSlip(t *testing.T) {
	var tr *trace.Trace
	for seed := int64(1); seed < 200; seed++ {
		tr = sim.Run(racySleepers, sim.Options{Strategy: sim.Random(), Seed: seed})
		if len(tr.Outcome.Races) > 0 && strings.Contains(string(must(trace.Marshal(tr))), `"timeslip"`) {
			break
		}
	}
	d := timeline.Layout(tr, timeline.Options{})
	var races, slips, joins int
	for _, ln := range d.Lanes {
		for _, m := range ln.Markers {
			switch m.Kind {
			case timeline.MarkRace:
				races++
				if m.Label != "W 12" && m.Label != "R 12" {
					t.Errorf("race mark label %q, want W 12 or R 12", m.Label)
				}
			case timeline.MarkSlip:
				slips++
			}
		}
	}
	for _, a := range d.Arrows {
		if a.Kind == timeline.MarkRace {
			joins++
		}
	}
	if races != 2*len(tr.Outcome.Races) || joins != len(tr.Outcome.Races) || slips == 0 {
		t.Errorf("%d race marks, %d joins, %d slips for %d races; want two marks and a join per race, a slip", races, joins, slips, len(tr.Outcome.Races))
	}
	svg := timeline.SVG(d, timeline.SVGOptions{Theme: timeline.ThemeLight})
	if !strings.Contains(svg, `class="a a-race" data-`) || strings.Contains(svg, "ah-race") || !strings.Contains(svg, ".m-race{") {
		t.Errorf("the race's join has an arrowhead, or its style is missing")
	}
	golden.Check(t, filepath.Join("testdata", "race-slip.svg"), []byte(svg))
	plain := timeline.SVG(timeline.Layout(sim.Run(realCounter, sim.Options{}), timeline.Options{}), timeline.SVGOptions{})
	if strings.Contains(plain, "m-race") {
		t.Errorf("a run without races carries the race styles")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
