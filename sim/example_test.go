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
	gofmt.Println("complete:", rep.Complete, "outcomes:", len(rep.Outcomes))
	for _, o := range rep.Outcomes {
		if len(o.Killed) == 2 && o.Output == "" {
			gofmt.Printf("Wait returned at once: %q, killed %v\n", o.Output, o.Killed)
		}
	}
	// Output:
	// complete: true outcomes: 17
	// Wait returned at once: "", killed [worker (line 34) worker (line 34)]
}
