package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/fmt"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// TestTimePassesAtDeadline: code that runs after a timer fired observes
// that its instant has passed, as on real Go, while elapsed times stay
// exact and events stay at the timer's instant.
func TestTimePassesAtDeadline(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		output string
	}{
		{"WithDeadline at the start", func() {
			d := time.Now().Add(20 * time.Millisecond)
			ctx, cancel := context.WithDeadline(context.Background(), d)
			defer cancel()
			ctx.Done().Recv()
			fmt.Println(time.Now().After(d), time.Until(d) < 0)
		}, "true true\n"},
		{"WithTimeout after a sleep", func() {
			time.Sleep(5 * time.Millisecond)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
			defer cancel()
			d, _ := ctx.Deadline()
			ctx.Done().Recv()
			fmt.Println(time.Now().After(d), time.Until(d) < 0)
		}, "true true\n"},
		{"a timer's value is its instant, observed as passed", func() {
			start := time.Now()
			fired := time.NewTimer(10 * time.Millisecond).C.Recv()
			fmt.Println(fired.Sub(start), time.Now().After(fired))
		}, "10ms true\n"},
		{"elapsed times stay exact", func() {
			time.Sleep(time.Millisecond)
			start := time.Now()
			time.Sleep(10 * time.Millisecond)
			fmt.Println(time.Since(start))
		}, "10ms\n"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			tr := run(t, tc.prog, sim.Options{})
			checkOutcome(t, tr.Outcome, tc.output, trace.ExitOK, "")
		})
	}
}

// TestDeadlineEventAtItsInstant: the trace records a context's cancel at
// its deadline's instant, on the round number.
func TestDeadlineEventAtItsInstant(t *testing.T) {
	tr := run(t, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		ctx.Done().Recv()
	}, sim.Options{})
	for _, e := range tr.Events {
		if e.Kind == trace.KindCancel {
			if got, want := e.Time, trace.Time(20*time.Millisecond); got != want {
				t.Errorf("cancel at %v, want %v", got, want)
			}
			return
		}
	}
	t.Error("no cancel event")
}
