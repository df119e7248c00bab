package course_test

import (
	"testing"

	"lanes/course"
	"lanes/sim/trace"
)

func TestGoal(t *testing.T) {
	end := course.Ending{Exit: trace.ExitPanic, Output: "worker 1 done\nall done\nworker 3 done\n", Stderr: "panic: sync: negative WaitGroup counter\n", Leaked: 1}
	tests := []struct {
		desc, goal string
		met        bool
	}{
		{desc: "prints", goal: `prints "all done"`, met: true},
		{desc: "prints, missing", goal: `prints "worker 2 done"`, met: false},
		{desc: "never-prints", goal: `never-prints "Finished!"`, met: true},
		{desc: "before", goal: `before "all done" "worker 3 done"`, met: true},
		{desc: "before, wrong order", goal: `before "worker 3 done" "all done"`, met: false},
		{desc: "before, the second absent", goal: `before "all done" "nobody"`, met: true},
		{desc: "output, escapes", goal: `output "worker 1 done\nall done\nworker 3 done\n"`, met: true},
		{desc: "exit", goal: `exit panic`, met: true},
		{desc: "exit, other", goal: `exit deadlock`, met: false},
		{desc: "panics", goal: `panics "negative WaitGroup counter"`, met: true},
		{desc: "leaks", goal: `leaks`, met: true},
		{desc: "killed", goal: `killed`, met: false},
		{desc: "all conditions", goal: `prints "worker 1 done"; exit panic`, met: true},
		{desc: "one fails", goal: `prints "worker 1 done"; exit ok`, met: false},
	}
	for _, tt := range tests {
		g, err := course.ParseGoal(tt.goal)
		if err != nil {
			t.Errorf("%s: ParseGoal(%q): %v", tt.desc, tt.goal, err)
			continue
		}
		if got, want := g.Met(end), tt.met; got != want {
			t.Errorf("%s: Met = %v, want %v", tt.desc, got, want)
		}
		if back, err := course.ParseGoal(g.String()); err != nil || back.String() != g.String() {
			t.Errorf("%s: String %q does not read back (%v)", tt.desc, g.String(), err)
		}
	}
}

func TestParseGoalErrors(t *testing.T) {
	tests := []struct{ desc, goal, want string }{
		{desc: "empty", goal: " ; ", want: "empty goal"},
		{desc: "unknown", goal: `wins "x"`, want: `unknown condition "wins"`},
		{desc: "arity", goal: `before "a"`, want: "before takes 2 argument(s), got 1"},
		{desc: "exit word", goal: `exit maybe`, want: `exit "maybe": want ok, deadlock, panic or fatal`},
		{desc: "bad quote", goal: `prints "x`, want: `bad quoted string in "\"x"`},
	}
	for _, tt := range tests {
		_, err := course.ParseGoal(tt.goal)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: ParseGoal(%q) = %v, want %q", tt.desc, tt.goal, err, tt.want)
		}
	}
}

func FuzzParseGoal(f *testing.F) {
	f.Add(`prints "a"; before "b" "c"; exit ok; leaks`)
	f.Fuzz(func(t *testing.T, s string) {
		g, err := course.ParseGoal(s)
		if err != nil {
			return
		}
		if _, err := course.ParseGoal(g.String()); err != nil {
			t.Errorf("%q: String %q does not parse: %v", s, g.String(), err)
		}
		g.Met(course.Ending{})
	})
}
