package course

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// TestOutcomeChallenge: the custom goal of an explorer's outcome is met by
// that outcome and by no other (another output, another exit).
func TestOutcomeChallenge(t *testing.T) {
	mine := ExploreOutcome{Exit: "ok", Output: "b\na \"q\"\n"}
	tests := []struct {
		desc  string
		other Ending
		want  bool
	}{
		{desc: "the outcome itself", other: Ending{Exit: trace.ExitOK, Output: mine.Output}, want: true},
		{desc: "another order", other: Ending{Exit: trace.ExitOK, Output: "a \"q\"\nb\n"}, want: false},
		{desc: "the same output, another exit", other: Ending{Exit: trace.ExitDeadlock, Output: mine.Output}, want: false},
		{desc: "more output", other: Ending{Exit: trace.ExitOK, Output: mine.Output + "c\n"}, want: false},
	}
	ch, ok := OutcomeChallenge(mine)
	if !ok {
		t.Fatal("OutcomeChallenge: not ok")
	}
	g, err := ch.ParsedGoal()
	if err != nil {
		t.Fatalf("goal %q: %v", ch.Goal, err)
	}
	for _, tt := range tests {
		if got := g.Met(tt.other); got != tt.want {
			t.Errorf("%s: Met = %v, want %v (goal %q)", tt.desc, got, tt.want, ch.Goal)
		}
	}
	if got, want := ch.Task, `Reach this outcome yourself: the program prints "b\na \"q\"\n" and ends ok.`; got != want {
		t.Errorf("task %q, want %q", got, want)
	}
	if got := ch.FewestText(); got != "" {
		t.Errorf("FewestText %q: no search was run, want none", got)
	}
	if _, ok := OutcomeChallenge(ExploreOutcome{Output: "x", Exit: "ok", cut: true}); ok {
		t.Error("an outcome whose output was cut short: ok, want no goal")
	}
}

// TestGoalParam: /play's goal= (a custom goal of the game) reads back as
// written, reopens the same challenge as the outcome it came from, and a
// bad one is ignored with a note saying why, never a crash.
func TestGoalParam(t *testing.T) {
	ch, _ := OutcomeChallenge(ExploreOutcome{Exit: "ok", Output: "a\nb\n"})
	tests := []struct {
		desc, goal string
		want       string // the Goal read; "" when ignored
		task       string
		note       string // in the note when ignored
	}{
		{desc: "an outcome's goal", goal: ch.Goal, want: ch.Goal, task: ch.Task},
		{desc: "a goal written by hand", goal: `prints "x"; leaks`, want: `prints "x"; leaks`, task: `Reach this goal yourself: prints "x"; leaks.`},
		{desc: "not a goal", goal: "win please", note: `unknown condition "win"`},
		{desc: "a bad quote", goal: `output "a`, note: "bad quoted string"},
		{desc: "empty", goal: "", note: "empty goal"},
		{desc: "too long", goal: "output " + strconv.Quote(strings.Repeat("x", MaxGoal)), note: "longer than"},
		{desc: "not UTF-8", goal: "output \"\xff\"", note: "not UTF-8"},
	}
	for _, tt := range tests {
		q := url.Values{"goal": {tt.goal}, "sched": {"01"}}
		_, s, notes := ParsePlayQuery(q)
		if s.Goal != tt.want || (tt.note == "") != (len(notes) == 0) || tt.note != "" && !strings.Contains(notes[0], tt.note) {
			t.Errorf("%s: goal=%q: Goal %q, notes %q; want %q, a note with %q", tt.desc, tt.goal, s.Goal, notes, tt.want, tt.note)
			continue
		}
		if tt.want == "" {
			continue
		}
		u := ProgramURL(KindPlay, "", s)
		pu, err := url.Parse(u)
		if err != nil {
			t.Fatalf("%s: %s: %v", tt.desc, u, err)
		}
		_, back, notes := ParsePlayQuery(pu.Query())
		if back != s || len(notes) > 0 {
			t.Errorf("%s: %s reads back as %+v %q, want %+v", tt.desc, u, back, notes, s)
		}
		c, err := GoalChallenge(back.Goal)
		if err != nil || c.Task != tt.task || c.Fewest >= 0 {
			t.Errorf("%s: challenge %+v, %v; want task %q and no fewest", tt.desc, c, err, tt.task)
		}
	}
	if s, notes := ParseViewState(url.Values{"goal": {ch.Goal}}); s.Goal != "" || len(notes) != 1 {
		t.Errorf("a lesson's URL with goal=: %+v %q, want it ignored with a note", s, notes)
	}
}

// TestFewestTexts: the win screen's fewest preemptions (possible) and
// picks (known), each only when known.
func TestFewestTexts(t *testing.T) {
	tests := []struct {
		desc            string
		c               Challenge
		preempts, picks string
	}{
		{desc: "nothing known (a custom goal)", c: Challenge{Fewest: -1}},
		{desc: "no preemption, picks unknown", c: Challenge{Fewest: 0}, preempts: "fewest possible: 0 preemptions"},
		{desc: "both", c: Challenge{Fewest: 2, FewestPicks: 7}, preempts: "fewest possible: 2 preemptions (every schedule with at most 1 was searched)", picks: "fewest known: 7 picks"},
		{desc: "one pick", c: Challenge{Fewest: 1, FewestPicks: 1}, preempts: "fewest possible: 1 preemption (every schedule without one was searched)", picks: "fewest known: 1 pick"},
	}
	for _, tt := range tests {
		if got, got2 := tt.c.FewestText(), tt.c.FewestPicksText(); got != tt.preempts || got2 != tt.picks {
			t.Errorf("%s: %q, %q; want %q, %q", tt.desc, got, got2, tt.preempts, tt.picks)
		}
	}
}
