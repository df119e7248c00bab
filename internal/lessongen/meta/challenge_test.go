package meta

import (
	"strings"
	"testing"
)

const withChallenge = `---
title: The golden rule of Add
summary: Call wg.Add before go.
order: 3
variants:
  - name: add-inside
    title: Add inside the goroutine
    default: true
    task: Make Wait return early.
    goal: before "all done" "worker 3 done"
    hint: Run a worker first.
    hint2: Then let time pass.
    solution: 0001
    fewest: 1
  - name: add-before
    title: Add before go
    challenge-of: add-inside
    searched: 10874
---
`

func TestParseChallenge(t *testing.T) {
	l, err := Parse("golden-rule", []byte(withChallenge))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := []Variant{
		{Name: "add-inside", Title: "Add inside the goroutine", Default: true, Task: "Make Wait return early.",
			Goal: `before "all done" "worker 3 done"`, Hint: "Run a worker first.", Hint2: "Then let time pass.", Solution: "0001", Fewest: 1},
		{Name: "add-before", Title: "Add before go", ChallengeOf: "add-inside", Searched: 10874},
	}
	for i := range want {
		if got := l.Variants[i]; got != want[i] {
			t.Errorf("variant %d = %+v, want %+v", i, got, want[i])
		}
	}
}

// TestParseContrast: a variant compared with, not fixing, the one whose
// challenge it offers says so.
func TestParseContrast(t *testing.T) {
	src := strings.Replace(withChallenge, "    searched: 10874\n", "    searched: 10874\n    contrast: true\n", 1)
	l, err := Parse("golden-rule", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if got := l.Variants[1]; !got.Contrast || got.ChallengeOf != "add-inside" {
		t.Errorf("variant = %+v, want a contrast of add-inside", got)
	}
}

func TestParseChallengeErrors(t *testing.T) {
	tests := []struct{ desc, from, to, want string }{
		{desc: "no solution", from: "    solution: 0001\n", to: "", want: "a challenge needs task, goal and solution"},
		{desc: "no goal", from: "    goal: before \"all done\" \"worker 3 done\"\n", to: "", want: "a challenge needs task, goal and solution"},
		{desc: "unknown variant", from: "challenge-of: add-inside", to: "challenge-of: nope", want: `challenge-of "nope": no such variant with a challenge`},
		{desc: "no figure", from: "    searched: 10874\n", to: "", want: "challenge-of needs searched"},
		{desc: "bad figure", from: "searched: 10874", to: "searched: many", want: "searched: want a positive integer"},
		{desc: "bad fewest", from: "fewest: 1", to: "fewest: -1", want: "fewest: want a number of preemptions"},
		{desc: "contrast not true", from: "    searched: 10874\n", to: "    searched: 10874\n    contrast: yes\n", want: "contrast: want true"},
		{desc: "contrast without challenge-of", from: "    hint2: Then let time pass.\n", to: "    hint2: Then let time pass.\n    contrast: true\n", want: "contrast needs challenge-of"},
	}
	for _, tt := range tests {
		src := strings.Replace(withChallenge, tt.from, tt.to, 1)
		if _, err := Parse("golden-rule", []byte(src)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Parse error %v, want one containing %q", tt.desc, err, tt.want)
		}
	}
}
