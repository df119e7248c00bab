package progwasm

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"lanes/course"
)

// TestSched: a module plays the scheduler game: a run with the game's
// choices stops at the reader's next decision, the page reads the answer
// back (course.DecodeScheduled) as a pause that a longer prefix answers,
// and "runtime from here" ends the run; a bad then is an error.
func TestSched(t *testing.T) {
	m := New(workers, "main.go")
	var prefix []int
	picks := 0
	for ; picks < 200; picks++ {
		req := `{"sched":true,"replay":` + ints(prefix) + `}`
		if prefix == nil {
			req = `{"sched":true}`
		}
		b, err := m.RunJSON([]byte(req))
		if err != nil {
			t.Fatalf("pick %d: %v", picks, err)
		}
		s, err := course.DecodeScheduled(b)
		if err != nil {
			t.Fatalf("pick %d: DecodeScheduled: %v", picks, err)
		}
		if got := len(s.Decisions); got != picks {
			t.Errorf("pick %d: %d decisions, want %d", picks, got, picks)
		}
		if s.Pause == nil {
			if got, want := s.Trace.Outcome.Output, "worker 2\nworker 0\nworker 1\ndone\n"; got != want {
				t.Errorf("always the first choice: output %q, want the runtime's %q", got, want)
			}
			break
		}
		c, ok := s.Pause.Take(s.Pause.Goroutines[0])
		if !ok {
			t.Fatalf("pick %d: the first goroutine is no option", picks)
		}
		prefix = append(slices.Clone(s.Trace.Choices[:s.Pause.Step]), c...)
	}
	if picks == 0 {
		t.Error("the game never paused")
	}
	b, err := m.RunJSON([]byte(`{"sched":true,"then":"runtime"}`))
	if err != nil {
		t.Fatal(err)
	}
	if s, err := course.DecodeScheduled(b); err != nil || s.Pause != nil {
		t.Errorf("runtime from the start: pause %v, err %v: want the end", s.Pause, err)
	}
	if _, err := m.RunJSON([]byte(`{"sched":true,"then":"sideways"}`)); err == nil || !strings.Contains(err.Error(), "unknown way to go on") {
		t.Errorf("then sideways: err %v", err)
	}
	plain, _ := m.RunJSON([]byte(`{}`))
	if _, err := course.DecodeScheduled(plain); err == nil || !strings.Contains(err.Error(), "built before the scheduler game") {
		t.Errorf("a bare trace read as a game: err %v", err)
	}
}

func ints(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(s, ",") + "]"
}
