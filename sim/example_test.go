package sim_test

import (
	gofmt "fmt"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
)

// The twin of the tutorial's race-to-the-exit program: main returns while
// its goroutine sleeps, so the goroutine is killed at exit.
func ExampleRun() {
	tr := sim.Run(func() {
		sim.Go("func1", func() {
			time.Sleep(time.Second)
			fmt.Println("Finished!")
		})
		fmt.Println("Exiting...")
	}, sim.Options{})
	gofmt.Printf("%s%v after %v; killed at exit: %s\n", tr.Outcome.Output, tr.Outcome.Exit,
		tr.Outcome.Duration, tr.Goroutine(tr.Outcome.Killed[0]).Name)
	// Output:
	// Exiting...
	// ok after 0s; killed at exit: func1
}

// Over many schedules, Add inside the goroutine sometimes loses workers.
// The exhaustive search is complete for its bound (2 preemptions by
// default), for the whole space without a bound, or says where it stopped.
func ExampleExplore() {
	prog := func() {
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			sim.Go("worker", func() {
				wg.Add(1)
				defer wg.Done()
				fmt.Println("worker", i)
			})
		}
		wg.Wait()
	}
	rep, _ := sim.Explore(prog, sim.ExploreOptions{Runs: 100000, Strategy: "exhaustive"})
	gofmt.Println(rep.Summary())
	for _, o := range rep.Outcomes {
		if len(o.Killed) == 2 && o.Output == "" {
			gofmt.Printf("Wait returned at once: %q, killed %v, %s\n", o.Output, o.Killed, rep.Found(o))
		}
	}
	all, _ := sim.Explore(prog, sim.ExploreOptions{Runs: 100000, Strategy: "exhaustive", Bound: -1})
	gofmt.Println(all.Summary())
	few, _ := sim.Explore(prog, sim.ExploreOptions{Runs: 100, Strategy: "exhaustive", Bound: -1})
	gofmt.Println(few.Summary())
	// Output:
	// every schedule with at most 2 preemptions: 129 runs, 9 outcomes
	// Wait returned at once: "", killed [worker (line 36) worker (line 36)], found in 11 of 129 schedules
	// every schedule: 11,618 runs, 17 outcomes
	// stopped at the limit of 100 runs; not complete: 11 outcomes
}
