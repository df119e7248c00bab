package app

import (
	"slices"
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
)

// TestChoiceKeys: every choice of a pause gets a key: a goroutine its own
// (1–9, then a–z without t and u), the rest the keys left, a select's
// cases 1, 2, …; none twice, and none is t or u.
func TestChoiceKeys(t *testing.T) {
	ids := func(from, to int) []trace.GoID {
		var out []trace.GoID
		for i := from; i <= to; i++ {
			out = append(out, trace.GoID(i))
		}
		return out
	}
	tests := []struct {
		desc string
		p    *sim.Pause
		want []string
	}{
		{desc: "no pause", p: nil, want: nil},
		{desc: "goroutines keep their numbers", p: &sim.Pause{Goroutines: []trace.GoID{3, 1}}, want: []string{"3", "1"}},
		{desc: "past 9: letters, t and u skipped", p: &sim.Pause{Goroutines: []trace.GoID{10, 19, 20, 21, 22}}, want: []string{"a", "j", "k", "l", "m"}},
		{desc: "past 33: the keys no one here holds", p: &sim.Pause{Goroutines: []trace.GoID{2, 40, 41}}, want: []string{"2", "1", "3"}},
		{desc: "a select's cases", p: &sim.Pause{Select: true, Goroutines: []trace.GoID{12}, Cases: []int{0, 2}}, want: []string{"1", "2"}},
		{desc: "more choices than keys", p: &sim.Pause{Goroutines: ids(1, 35)}, want: append(slices.Clone(choiceKeySeq), "", "")},
	}
	for _, tt := range tests {
		got := choiceKeys(tt.p)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: choiceKeys = %q, want %q", tt.desc, got, tt.want)
		}
		seen := map[string]bool{}
		for _, k := range got {
			if k == "t" || k == "u" || k != "" && seen[k] {
				t.Errorf("%s: key %q is taken twice or by an action", tt.desc, k)
			}
			seen[k] = true
		}
	}
	if got, want := len(choiceKeySeq), 33; got != want {
		t.Errorf("%d keys, want %d (1–9 and a–z without t and u)", got, want)
	}
	if got, want := choiceKey(&sim.Pause{Goroutines: []trace.GoID{50}}, 50), "1"; got != want {
		t.Errorf("choiceKey of goroutine 50 alone = %q, want %q", got, want)
	}
	if got, want := choiceKey(&sim.Pause{Goroutines: []trace.GoID{2}}, 7), "·"; got != want {
		t.Errorf("choiceKey of a goroutine not offered = %q, want %q", got, want)
	}
}
