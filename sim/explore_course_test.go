package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
)

// The twins of the course programs the bounded exhaustive search must
// complete in the browser (copied from app/lessons/twins without the
// //line directives; sim's tests may not import app/).

// loopTrapPre122 is loop-trap/pre122: one val shared by every iteration.
func loopTrapPre122() {
	sim.StepAt(13)
	var wg sync.WaitGroup
	sim.Step(14)
	val := ""
	for _, v := range []string{"a", "b", "c"} {
		val = v
		sim.StepAt(15)
		wg.Add(1)
		sim.StepAt(16)
		sim.Go("func1", func() {
			sim.Step(17)
			defer wg.Done()
			defer sim.DeferLine(17)
			sim.StepAt(18)
			fmt.Println(val)
			sim.Unmark()
		})
		sim.Unmark()
	}
	sim.StepAt(21)
	wg.Wait()
	sim.Unmark()
}

// goldenAddInside is golden-rule/add-inside.
func goldenAddInside() {
	sim.StepAt(10)
	var wg sync.WaitGroup
	sim.Step(11)
	for i := 1; i <= 3; i++ {
		sim.StepAt(12)
		sim.Go("func1", func() {
			sim.StepAt(13)
			wg.Add(1)
			sim.Step(14)
			defer wg.Done()
			defer sim.DeferLine(14)
			sim.StepAt(15)
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			sim.StepAt(16)
			fmt.Println("worker", i, "done")
			sim.Unmark()
		})
		sim.Unmark()
	}
	sim.StepAt(19)
	wg.Wait()
	sim.StepAt(20)
	fmt.Println("all done?")
	sim.Unmark()
}

// goldenAddBefore is golden-rule/add-before.
func goldenAddBefore() {
	sim.StepAt(10)
	var wg sync.WaitGroup
	sim.Step(11)
	for i := 1; i <= 3; i++ {
		sim.StepAt(12)
		wg.Add(1)
		sim.StepAt(13)
		l0 := i
		sim.Go("func1", func() {
			func(id int) {
				sim.Step(14)
				defer wg.Done()
				defer sim.DeferLine(14)
				sim.StepAt(15)
				time.Sleep(time.Duration(id) * 50 * time.Millisecond)
				sim.StepAt(16)
				fmt.Println("worker", id, "done")
				sim.Unmark()
			}(l0)
		})
		sim.Unmark()
	}
	sim.StepAt(19)
	wg.Wait()
	sim.StepAt(20)
	fmt.Println("all done")
	sim.Unmark()
}

// goldenWgGo is golden-rule/wg-go.
func goldenWgGo() {
	sim.StepAt(10)
	var wg sync.WaitGroup
	sim.Step(11)
	for i := 1; i <= 3; i++ {
		sim.StepAt(12)
		wg.Go(func() {
			sim.StepAt(13)
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			sim.StepAt(14)
			fmt.Println("worker", i, "done")
			sim.Unmark()
		})
		sim.Unmark()
	}
	sim.StepAt(17)
	wg.Wait()
	sim.StepAt(18)
	fmt.Println("all done")
	sim.Unmark()
}

var coursePrograms = []struct {
	name string
	prog func()
}{
	{"loop-trap/pre122", loopTrapPre122},
	{"golden-rule/add-inside", goldenAddInside},
	{"golden-rule/add-before", goldenAddBefore},
	{"golden-rule/wg-go", goldenWgGo},
}

// courseLimit is the run limit the browser's explorer can afford.
const courseLimit = 20000

// TestExhaustiveCourse: the bounded search completes for its bound on the
// course programs within the browser's run limit (timings: the benchmark).
func TestExhaustiveCourse(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of runs (-short)")
	}
	for _, p := range coursePrograms {
		rep, err := sim.Explore(p.prog, sim.ExploreOptions{Strategy: "exhaustive", Runs: courseLimit})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.BoundComplete() {
			t.Errorf("%s: %s", p.name, rep.Summary())
		}
		t.Logf("%s: %s", p.name, rep.Summary())
	}
}

// BenchmarkExhaustiveCourse times one bounded exhaustive search per
// course program (natively, or in WebAssembly with
// GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run X -bench ExhaustiveCourse ./sim/),
// after the warm-up of the other benchmarks (V8 optimises); the first
// search in a fresh page, JIT-cold, is slower.
func BenchmarkExhaustiveCourse(b *testing.B) {
	warmUp()
	for _, p := range coursePrograms {
		b.Run(p.name, func(b *testing.B) {
			runs := 0
			for b.Loop() {
				rep, err := sim.Explore(p.prog, sim.ExploreOptions{Strategy: "exhaustive", Runs: courseLimit})
				if err != nil || !rep.BoundComplete() {
					b.Fatalf("%v %s", err, rep.Summary())
				}
				runs = rep.Runs
			}
			b.ReportMetric(float64(runs), "schedules")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/search")
		})
	}
}
