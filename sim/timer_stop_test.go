package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// TestTimerStopResetAfterExpiry: Go 1.23+ timer channels are synchronous,
// so a timer whose value was never received is still running: Stop and
// Reset report true and discard the value.
func TestTimerStopResetAfterExpiry(t *testing.T) {
	tests := []struct {
		desc   string
		prog   func()
		output string
	}{
		{"Stop after expiry, value never received", func() {
			t := time.NewTimer(10 * time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			fmt.Println(t.Stop(), t.Stop(), sim.Select(true, t.C.RecvCase()))
		}, "true false -1\n"},
		{"Reset after expiry, value never received", func() {
			t := time.NewTimer(10 * time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			fmt.Println(t.Reset(30 * time.Millisecond))
			start := time.Now()
			t.C.Recv()
			fmt.Println(time.Since(start), t.Reset(time.Millisecond))
		}, "true\n30ms false\n"},
		{"Stop before expiry, Stop after receive", func() {
			t := time.NewTimer(10 * time.Millisecond)
			fmt.Println(t.Stop())
			u := time.NewTimer(10 * time.Millisecond)
			u.C.Recv()
			fmt.Println(u.Stop())
		}, "true\nfalse\n"},
		{"AfterFunc: Stop after the function started", func() {
			f := time.AfterFunc(10*time.Millisecond, func() {})
			time.Sleep(20 * time.Millisecond)
			fmt.Println(f.Stop(), f.Reset(time.Millisecond))
		}, "false false\n"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			tr := run(t, tc.prog, sim.Options{})
			checkOutcome(t, tr.Outcome, tc.output, trace.ExitOK, "")
		})
	}
}
