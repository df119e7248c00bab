package timeline_test

// Golden tests from real runs of the simulator (package lanes/sim) on
// hand-written twins, in the shape sim/rewrite produces.
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

func realCounter() {
	var wg sync.WaitGroup
	sim.Name(&wg, "wg")
	worker := func(id int) {
		defer wg.Done()
		fmt.Printf("Worker %d starting\n", id)
		time.Sleep(time.Second)
		fmt.Printf("Worker %d done\n", id)
	}
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		sim.GoCall("worker", "worker", []any{i}, func() { worker(i) })
	}
	wg.Wait()
	fmt.Println("All workers done")
}

func realPipeline() {
	jobs := sim.MakeChan[int](0)
	stuck := sim.MakeChan[int](0)
	sim.Go("producer", func() {
		for i := 1; i <= 3; i++ {
			jobs.Send(i)
		}
		jobs.Close()
	})
	sim.Go("stuck", func() { stuck.Send(1) })
	sim.Go("late", func() {
		time.Sleep(time.Second)
		fmt.Println("Finished!")
	})
	for {
		v, ok := jobs.Recv2()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
}

// realAddInside is the golden rule's buggy program: the workers Add too
// late, so under the runtime strategy main's Wait sees the counter at 0.
func realAddInside() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		sim.Go("func1", func() {
			wg.Add(1)
			defer wg.Done()
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			fmt.Println("worker", i, "done")
		})
	}
	wg.Wait()
	fmt.Println("all done?")
}

func TestGoldenRealRuns(t *testing.T) {
	tests := []struct {
		desc, name string
		prog       func()
		opts       timeline.Options
		want       []string // in the SVG
	}{
		{"WaitGroup with three workers", "real-counter", realCounter, timeline.Options{},
			[]string{"worker(3)</text>", "counter of wg", "Done"}},
		{"channels, a leak and a goroutine killed at exit", "real-pipeline", realPipeline,
			timeline.Options{InFlight: true}, []string{"leaked</text>", "e-cut", "a-send"}},
		{"a WaitGroup that only saw Wait still gets its counter track", "real-add-inside", realAddInside,
			timeline.Options{}, []string{"counter of ", "Wait returns"}},
	}
	for _, tc := range tests {
		tr := sim.Run(tc.prog, sim.Options{Program: tc.name + ".go", Seed: 1})
		if err := trace.Validate(tr); err != nil {
			t.Fatalf("%s: the simulator's trace is invalid: %v", tc.desc, err)
		}
		svg := timeline.SVG(timeline.Layout(tr, tc.opts), timeline.SVGOptions{})
		for _, w := range tc.want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: SVG lacks %q", tc.desc, w)
			}
		}
		golden.Check(t, filepath.Join("testdata", tc.name+".svg"), []byte(svg))
	}
}
