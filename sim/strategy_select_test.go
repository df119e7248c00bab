package sim_test

import (
	"slices"
	"testing"

	"lanes/sim"
	simfmt "lanes/sim/fmt"
	"lanes/sim/trace"
)

// twoReady: main fills two buffered channels, then selects on both: both
// cases are ready, and which one proceeds is the reader's pick.
func twoReady() {
	jobs, done := sim.MakeChan[int](1), sim.MakeChan[struct{}](1)
	jobs.Send(7)
	done.Send(struct{}{})
	c0, c1 := done.RecvCase(), jobs.RecvCase()
	switch sim.Select(false, c0, c1) {
	case 0:
		simfmt.Println("done")
	case 1:
		simfmt.Println("job", c1.V)
	}
}

// TestScheduledSelect: at a select with two ready cases the game pauses
// with both as options (no preemption either way); the pick decides the
// run, and the choices replay it.
func TestScheduledSelect(t *testing.T) {
	tests := []struct {
		desc string
		pick int // the case picked at the select
		want string
	}{
		{desc: "the first ready case", pick: 0, want: "done\n"},
		{desc: "the second ready case", pick: 1, want: "job 7\n"},
	}
	for _, tt := range tests {
		var prefix []int
		var sel *sim.Pause
		var s sim.Scheduled
		for n := 0; n < 50; n++ {
			s = sim.RunScheduled(twoReady, sim.Options{Program: "main.go"}, prefix, nil)
			p := s.Pause
			if p == nil {
				break
			}
			c, ok := p.Take(p.Goroutines[0])
			if p.Select {
				sel = p
				if _, ok := p.Take(p.Goroutines[0] + 1); ok {
					t.Errorf("%s: Take of another goroutine at a select pause is an option", tt.desc)
				}
				if p.Preemption(p.Goroutines[0]) {
					t.Errorf("%s: a select case counts as a preemption", tt.desc)
				}
				c, ok = p.TakeCase(tt.pick)
			}
			if !ok {
				t.Fatalf("%s: pick %d not an option at %+v", tt.desc, n, p)
			}
			prefix = append(slices.Clone(s.Trace.Choices[:p.Step]), c...)
		}
		if sel == nil {
			t.Fatalf("%s: the game never paused at the select", tt.desc)
		}
		if got, want := sel.Cases, []int{0, 1}; !slices.Equal(got, want) {
			t.Errorf("%s: ready cases %v, want %v", tt.desc, got, want)
		}
		if got, want := sel.Goroutines, []trace.GoID{1}; !slices.Equal(got, want) {
			t.Errorf("%s: select pause goroutines %v, want %v", tt.desc, got, want)
		}
		if _, ok := sel.TakeCase(2); ok {
			t.Errorf("%s: TakeCase(2) of two ready cases is an option", tt.desc)
		}
		if s.Pause != nil {
			t.Fatalf("%s: no end", tt.desc)
		}
		if got := s.Trace.Outcome.Output; got != tt.want {
			t.Errorf("%s: output %q, want %q", tt.desc, got, tt.want)
		}
		if got, want := s.Preemptions, 0; got != want {
			t.Errorf("%s: preemptions %d, want %d", tt.desc, got, want)
		}
		back := run(t, twoReady, sim.Options{Strategy: sim.Replay(s.Trace.Choices)})
		if got := back.Outcome.Output; got != tt.want {
			t.Errorf("%s: replayed, output %q, want %q", tt.desc, got, tt.want)
		}
		undo := sim.RunScheduled(twoReady, sim.Options{Program: "main.go"}, s.Trace.Choices[:s.Decisions[len(s.Decisions)-1]], nil)
		if undo.Pause == nil || !undo.Pause.Select {
			t.Errorf("%s: undo after the select pick: pause %+v, want the select again", tt.desc, undo.Pause)
		}
	}
}

// TestScheduledMirrorSelect: a mirror's own select (context's) is never
// the reader's pick: SelectQuiet's cases take option 0 in the game.
func TestScheduledMirrorSelect(t *testing.T) {
	quiet := func() {
		a, b := sim.MakeChan[int](1), sim.MakeChan[int](1)
		a.Send(1)
		b.Send(2)
		if sim.SelectQuiet(false, a.RecvCase(), b.RecvCase()) == 0 {
			simfmt.Println("a")
		}
	}
	for prefix, n := []int(nil), 0; n < 50; n++ {
		s := sim.RunScheduled(quiet, sim.Options{Program: "main.go"}, prefix, nil)
		p := s.Pause
		if p == nil {
			if got, want := s.Trace.Outcome.Output, "a\n"; got != want {
				t.Errorf("output %q, want %q", got, want)
			}
			return
		}
		if p.Select {
			t.Fatalf("a mirror's select paused the game: %+v", p)
		}
		c, _ := p.Take(p.Goroutines[0])
		prefix = append(slices.Clone(s.Trace.Choices[:p.Step]), c...)
	}
	t.Fatal("no end")
}
