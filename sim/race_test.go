package sim_test

import (
	"fmt"
	"strings"
	"testing"

	"lanes/sim"
	simfmt "lanes/sim/fmt"
	simsync "lanes/sim/sync"
	"lanes/sim/trace"
)

// Hand-written twins: what the rewriter makes of programs that share
// memory (see sim/rewrite's golden files for the real ones).

var shared int

// racyCounter: n goroutines do counter++ with a WaitGroup.
func racyCounter(n int) func() {
	return func() {
		sim.Store(&shared, 0, "counter")
		var wg simsync.WaitGroup
		for range n {
			sim.StepAt(12)
			wg.Add(1)
			sim.Go("func1", func() {
				defer wg.Done()
				sim.StepAt(14)
				sim.Store(&shared, sim.Load(&shared, "counter")+1, "counter")
			})
		}
		wg.Wait()
		simfmt.Println(sim.Load(&shared, "counter"))
	}
}

// lockedCounter is racyCounter with a Mutex around counter++.
func lockedCounter() {
	sim.Store(&shared, 0, "counter")
	var wg simsync.WaitGroup
	var mu simsync.Mutex
	for range 3 {
		wg.Add(1)
		sim.Go("func1", func() {
			defer wg.Done()
			mu.Lock()
			sim.StepAt(14)
			sim.Store(&shared, sim.Load(&shared, "counter")+1, "counter")
			mu.Unlock()
		})
	}
	wg.Wait()
	simfmt.Println(sim.Load(&shared, "counter"))
}

// chanCounter hands the counter over a channel of capacity 1 (a lock).
func chanCounter() {
	sim.Store(&shared, 0, "counter")
	sem := sim.MakeChan[int](1)
	done := sim.MakeChan[int](0)
	for range 3 {
		sim.Go("func1", func() {
			sem.Send(1)
			sim.StepAt(14)
			sim.Store(&shared, sim.Load(&shared, "counter")+1, "counter")
			sem.Recv()
			done.Send(1)
		})
	}
	for range 3 {
		done.Recv()
	}
	simfmt.Println(sim.Load(&shared, "counter"))
}

// mapWrites: goroutines write one map with no lock.
func mapWrites() {
	m := map[int]int{}
	var wg simsync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		sim.Go("func1", func() {
			defer wg.Done()
			sim.StepAt(15)
			sim.MapStore(m, i, i, "m")
		})
	}
	wg.Wait()
	simfmt.Println(len(m))
}

// closeOrders: the close happens before the receive that sees it.
func closeOrders() {
	sim.Store(&shared, 0, "counter")
	done := sim.MakeChan[struct{}](0)
	sim.Go("func1", func() {
		sim.StepAt(9)
		sim.Store(&shared, 1, "counter")
		done.Close()
	})
	done.Recv()
	simfmt.Println(sim.Load(&shared, "counter"))
}

func TestRaces(t *testing.T) {
	tests := []struct {
		desc string
		prog func()
		racy bool // in every schedule
	}{
		{"racy counter", racyCounter(5), true},
		{"counter under a mutex", lockedCounter, false},
		{"counter under a channel lock", chanCounter, false},
		{"map writes", mapWrites, true},
		{"close then receive", closeOrders, false},
	}
	for _, tc := range tests {
		for _, strategy := range []string{"runtime", "random", "pct"} {
			for seed := range int64(20) {
				st, _ := sim.NewStrategy(strategy)
				tr := run(t, tc.prog, sim.Options{Strategy: st, Seed: seed})
				if tr.Outcome.Exit == trace.ExitFatal {
					continue // concurrent map writes
				}
				if got := len(tr.Outcome.Races) > 0; got != tc.racy {
					t.Errorf("%s, %s seed %d: races %v, want racy %v", tc.desc, strategy, seed, tr.Outcome.Races, tc.racy)
				}
				events := 0
				for _, e := range tr.Events {
					if e.Kind == trace.KindRace {
						events++
					}
				}
				if events != len(tr.Outcome.Races) {
					t.Errorf("%s: %d race events, %d races", tc.desc, events, len(tr.Outcome.Races))
				}
			}
		}
	}
}

// TestLostUpdates: exploring finds counts below n; the runtime strategy
// prints n, as GOMAXPROCS=1 does.
func TestLostUpdates(t *testing.T) {
	tr := run(t, racyCounter(10), sim.Options{})
	if tr.Outcome.Output != "10\n" {
		t.Errorf("runtime: %q, want 10", tr.Outcome.Output)
	}
	rep, err := sim.Explore(racyCounter(10), sim.ExploreOptions{Runs: 200, Strategy: "random"})
	if err != nil {
		t.Fatal(err)
	}
	lost := false
	for _, o := range rep.Outcomes {
		lost = lost || o.Output != "10\n"
	}
	if len(rep.Races) != 1 || rep.Races[0].Count != rep.Runs || rep.Races[0].String(rep.Runs) != "data race on `counter` (lines 14 and 14) in 200 of 200 schedules" {
		t.Errorf("races %+v, want one on counter in every run", rep.Races)
	}
	if !lost {
		t.Errorf("random found no lost update: %+v", rep.Outcomes)
	}
}

// TestConcurrentMapWrites: some schedule ends with Go's fatal error.
func TestConcurrentMapWrites(t *testing.T) {
	fatal := 0
	for seed := range int64(50) {
		tr := run(t, mapWrites, sim.Options{Strategy: sim.Random(), Seed: seed})
		if tr.Outcome.Exit == trace.ExitFatal {
			fatal++
			if !strings.HasPrefix(tr.Outcome.Stderr, "fatal error: concurrent map writes\n") || tr.Outcome.Code != 2 {
				t.Errorf("seed %d: %q, code %d", seed, tr.Outcome.Stderr, tr.Outcome.Code)
			}
		}
	}
	if fatal == 0 {
		t.Errorf("no schedule in 50 wrote the map concurrently")
	}
	if tr := run(t, mapWrites, sim.Options{}); tr.Outcome.Exit != trace.ExitOK {
		t.Errorf("runtime strategy: %v %q", tr.Outcome.Exit, tr.Outcome.Stderr)
	}
}

func TestRaceReport(t *testing.T) {
	tr := run(t, racyCounter(2), sim.Options{RaceReport: true, Program: "counter.go"})
	o := tr.Outcome
	if o.Code != sim.RaceExitCode || !strings.HasSuffix(o.Stderr, "==================\nFound 2 data race(s)\n") {
		t.Errorf("code %d, stderr:\n%s", o.Code, o.Stderr)
	}
	for _, want := range []string{"WARNING: DATA RACE\n", "by goroutine 2:\n  main.func1()\n      counter.go:14\n", "Previous write at 0x00c000010000 by goroutine 3:\n"} {
		if !strings.Contains(o.Stderr, want) {
			t.Errorf("report lacks %q:\n%s", want, o.Stderr)
		}
	}
}

func ExampleRaceReport() {
	tr := sim.Run(racyCounter(2), sim.Options{Program: "counter.go"})
	fmt.Print(sim.RaceReport(tr, tr.Outcome.Races[0], true))
	// Output:
	// ==================
	// WARNING: DATA RACE
	// Read at 0x00c000010000 by goroutine 2:
	//   main.func1()
	//       counter.go:14
	//
	// Previous write at 0x00c000010000 by goroutine 3:
	//   main.func1()
	//       counter.go:14
	//
	// Goroutine 2 (running) created at:
	//   main.main()
	//       counter.go:12
	//
	// Goroutine 3 (finished) created at:
	//   main.main()
	//       counter.go:12
	// ==================
}
