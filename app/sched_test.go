package app

import (
	"strings"
	"testing"

	"lanes/course"
)

// TestGamePage: the scheduler game renders on any variant (here one
// without a challenge): pick buttons, badges in the code, the actions; a
// bad sched value gets a note and the game starts over.
func TestGamePage(t *testing.T) {
	checkPages(t, []pageCase{
		{desc: "the game's start", url: "/lesson/hello?sched=-",
			contains: []string{`class="sched-panel"`, `data-pick="1"`, "Pick 1 ", `data-do="undo"`, "Runtime from here", "No challenge here"},
			absent:   []string{`class="controls"`, `class="notes"`, "zoombar"}},
		{desc: "a bad sched", url: "/lesson/hello?sched=%21%21",
			contains: []string{`class="notes"`, "ignored sched=", `class="sched-panel"`, "Pick 1 "}},
		{desc: "the lesson page's way in", url: "/lesson/hello",
			contains: []string{`class="sched-link"`, "sched=-"}},
		{desc: "the game in an embed", url: "/embed/hello?sched=-",
			contains: []string{`class="page embed game`, `class="sched-panel"`, `data-pick="1"`, "lanes-height", "open in Lanes", "sched=-"},
			absent:   []string{"game-leave", `class="controls"`}},
		{desc: "the Embed dialog offers the game", url: "/lesson/hello",
			contains: []string{`share-game`, "the scheduler game instead"}},
		{desc: "a schedule that does not fit: a note, and the game starts over", url: "/lesson/hello?sched=zzzz",
			contains: []string{`class="sched-panel"`, `class="notes"`, "ignored sched=", "not a schedule of this program", "Pick 1 "}},
	})
}

// TestFewestWords: the win screen puts the picks and preemptions used
// against the fewest known, each only when known.
func TestFewestWords(t *testing.T) {
	tests := []struct {
		desc string
		c    course.Challenge
		want string
	}{
		{desc: "a custom goal: nothing searched", c: course.Challenge{Fewest: -1}},
		{desc: "preemptions only", c: course.Challenge{Fewest: 0}, want: " Fewest possible: 0 preemptions."},
		{desc: "both", c: course.Challenge{Fewest: 1, FewestPicks: 11}, want: " Fewest possible: 1 preemption (every schedule without one was searched). Fewest known: 11 picks."},
	}
	for _, tt := range tests {
		if got := fewestWords(&tt.c); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.desc, got, tt.want)
		}
	}
}

// TestChallengeLabel: a fixed variant's challenge is offered as a fix to
// break, a contrast's as the same goal to try on another program.
func TestChallengeLabel(t *testing.T) {
	tests := []struct {
		desc   string
		c      course.Challenge
		solved bool
		want   string
	}{
		{desc: "its own", c: course.Challenge{Task: "t"}, want: "Challenge:"},
		{desc: "its own, solved", c: course.Challenge{Task: "t"}, solved: true, want: "✓ Challenge (solved):"},
		{desc: "a fix", c: course.Challenge{Task: "t", Of: "buggy"}, want: "Now try the fixed one:"},
		{desc: "a contrast", c: course.Challenge{Task: "t", Of: "buffered", Contrast: true}, want: "Now try this one:"},
	}
	for _, tc := range tests {
		if got := challengeLabel(&tc.c, tc.solved); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.desc, got, tc.want)
		}
	}
}

// TestNoSolutionWords: Give up without a recorded solution points to the
// hints only where the challenge has some (a goal made on /play has none).
func TestNoSolutionWords(t *testing.T) {
	tests := []struct {
		desc  string
		hints bool
		want  string
		not   string
	}{
		{desc: "a lesson's challenge with hints", hints: true, want: "follow the hints"},
		{desc: "a goal made on /play: no hints", want: "“What can happen?” lists the endings", not: "hint"},
	}
	for _, tt := range tests {
		got := noSolution(tt.hints)
		if !strings.Contains(got, tt.want) || tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("%s: %q, want %q and not %q", tt.desc, got, tt.want, tt.not)
		}
	}
}
