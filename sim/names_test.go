package sim_test

import (
	"fmt"
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

func ExampleFormatCall() {
	fmt.Println(sim.FormatCall("worker", 1, sim.Src("&wg")))
	fmt.Println(sim.FormatCall("func", "a long string value"))
	fmt.Println(sim.FormatCall("func", sim.Capture{Name: "i", Value: 2}))
	fmt.Println(sim.FormatCall("d.query"))
	// Output:
	// worker(1, &wg)
	// func("a long strin…")
	// func i=2
	// d.query()
}

// TestNames runs what the rewriter writes for `jobs := make(chan int, 1)`
// and `go worker(i, jobs)` and checks that the trace carries the program's
// names.
func TestNames(t *testing.T) {
	prog := func() {
		jobs := sim.MakeChan[int](1)
		sim.Name(jobs, "jobs")
		jobs2 := sim.MakeChan[int](1)
		sim.Name(jobs2, "jobs2")
		sim.Name(jobs2, "later") // the first name is kept
		for i := 1; i <= 2; i++ {
			sim.GoCall("worker", "worker", []any{i, sim.Src("jobs")}, func() { jobs.Send(i) })
		}
		jobs.Recv()
		jobs.Recv()
	}
	tr := sim.Run(prog, sim.Options{Program: "main.go"})
	if err := trace.Validate(tr); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc, got, want string
	}{
		{"a channel made, then named", tr.Objects[0].Name, "jobs"},
		{"the first name is kept", tr.Objects[1].Name, "jobs2"},
		{"a go statement's call", tr.Goroutines[1].Call, "worker(1, jobs)"},
		{"the second", tr.Goroutines[2].Call, "worker(2, jobs)"},
		{"the function's name stays", tr.Goroutines[2].Name, "worker"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.desc, tc.got, tc.want)
		}
	}
}
