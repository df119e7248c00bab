// Package coursetest is a small course for tests of the packages that
// serve one (course, app, internal/site): hand-written simulated programs
// instead of the generated registry, each counting its runs.
//
// Lessons, in order:
//
//	hello    "Waiting for goroutines": variants fixed (the default: two
//	         workers and a WaitGroup; a slider over n, 2 and 3, whose
//	         twin is fixed-n-3) and leaky (main does not wait)
//	limits   "Limits": tracks [inflight], panels [memory]; one heavy
//	         variant, sem (a semaphore of 2 over 4 workers)
//	summary  "Summary": text only
package coursetest

import (
	"strings"
	"sync"

	"lanes/course"
	"lanes/sim"
	"lanes/sim/context"
	simfmt "lanes/sim/fmt"
	"lanes/sim/semaphore"
	simsync "lanes/sim/sync"
)

// HelloCode is the shown program of hello's fixed variant.
const HelloCode = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("Finished!")
}
`

var (
	mu   sync.Mutex
	runs = map[string]int{}
)

// Runs is how many times a lesson's programs have run.
func Runs(slug string) int {
	mu.Lock()
	defer mu.Unlock()
	return runs[slug]
}

func count(slug string) {
	mu.Lock()
	runs[slug]++
	mu.Unlock()
}

// workers starts n workers that print and waits for them unless leak.
func workers(n int, leak bool) func() {
	return func() {
		count("hello")
		var wg simsync.WaitGroup
		for i := 1; i <= n; i++ {
			wg.Add(1)
			sim.Go("worker", func() {
				defer wg.Done()
				simfmt.Println("worker", i)
			})
		}
		if !leak {
			wg.Wait()
		}
		simfmt.Println("Finished!")
	}
}

func limited() {
	count("limits")
	sem := semaphore.NewWeighted(2)
	var wg simsync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		sim.Go("worker", func() {
			defer wg.Done()
			sem.Acquire(context.Background(), 1)
			defer sem.Release(1)
			simfmt.Println("query", i)
		})
	}
	wg.Wait()
}

// Lessons returns the lessons (a fresh copy each time).
func Lessons() []course.Lesson {
	fixed := course.Variant{Name: "fixed", Title: "Add before go", Default: true, File: "main.go", Code: HelloCode,
		Main: workers(2, false), ParamName: "n", ParamValue: "2",
		Real: []course.Batch{{GOMAXPROCS: 1, Runs: 10, Outcomes: []course.RealOutcome{{Stdout: "worker 1\nworker 2\nFinished!\n", Kind: "ok", Count: 10}}}}}
	fixed.Params = []course.Variant{{Name: "fixed-n-3", Title: fixed.Title, File: "main.go", Code: strings.Replace(HelloCode, "i <= 2", "i <= 3", 1),
		Main: workers(3, false), Parent: "fixed", ParamName: "n", ParamValue: "3"}}
	return []course.Lesson{
		{Slug: "hello", Title: "Waiting for goroutines", Summary: "main starts two workers and waits for both.", Order: 1,
			HTML: "<p>Two workers and a <code>sync.WaitGroup</code>.</p>",
			Variants: []course.Variant{fixed,
				{Name: "leaky", Title: "No waiting", File: "main.go", Code: strings.Replace(HelloCode, "\twg.Wait()\n", "", 1), Main: workers(2, true)}}},
		{Slug: "limits", Title: "Limits", Summary: "A semaphore bounds the workers.", Order: 2,
			HTML: "<p>At most two at once.</p>", Tracks: []string{course.TrackInFlight}, Panels: []string{course.PanelMemory},
			Variants: []course.Variant{{Name: "sem", Title: "A semaphore", Default: true, Heavy: true, File: "main.go", Code: "package main\n", Main: limited}}},
		{Slug: "summary", Title: "Summary", Summary: "What we learned.", Order: 3, HTML: "<p>All done.</p>"},
	}
}

// New returns a course of Lessons.
func New() *course.Course { return course.New(Lessons(), "go1.26 test/test, 1 CPUs") }
