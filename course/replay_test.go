package course

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"lanes/sim/trace"
)

func TestChoicesEncoding(t *testing.T) {
	tests := []struct {
		desc    string
		choices []int
		want    string
		ok      bool
	}{
		{desc: "trailing zeros are dropped", choices: []int{1, 0, 2, 0, 0}, want: "102", ok: true},
		{desc: "all zeros is one digit", choices: []int{0, 0}, want: "0", ok: true},
		{desc: "no choices", choices: nil, want: "0", ok: true},
		{desc: "digits past 9 are letters", choices: []int{10, 35, 36, 61}, want: "azAZ", ok: true},
		{desc: "62 options do not fit", choices: []int{62}, ok: false},
		{desc: "negative", choices: []int{-1}, ok: false},
		{desc: "too long", choices: slices.Repeat([]int{1}, 2001), ok: false},
	}
	for _, tt := range tests {
		got, ok := EncodeChoices(tt.choices)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("%s: EncodeChoices(%v) = %q, %v; want %q, %v", tt.desc, tt.choices, got, ok, tt.want, tt.ok)
		}
		if !ok {
			continue
		}
		back, err := DecodeChoices(got)
		if err != nil {
			t.Errorf("%s: DecodeChoices(%q): %v", tt.desc, got, err)
		}
		trimmed := slices.Clone(tt.choices)
		for len(trimmed) > 0 && trimmed[len(trimmed)-1] == 0 {
			trimmed = trimmed[:len(trimmed)-1]
		}
		for len(back) > 0 && back[len(back)-1] == 0 {
			back = back[:len(back)-1]
		}
		if !slices.Equal(back, trimmed) {
			t.Errorf("%s: round trip %v → %q → %v", tt.desc, tt.choices, got, back)
		}
	}
	for _, bad := range []string{"", "a-b", "é", strings.Repeat("1", 2001)} {
		if _, err := DecodeChoices(bad); err == nil {
			t.Errorf("DecodeChoices(%q): no error", bad)
		}
	}
}

func FuzzDecodeChoices(f *testing.F) {
	f.Add("102")
	f.Add("zZ09")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := DecodeChoices(s)
		if err != nil {
			return
		}
		enc, ok := EncodeChoices(c)
		if !ok || strings.TrimRight(s, "0") != strings.TrimRight(enc, "0") {
			t.Errorf("%q decodes to %v, which encodes to %q, %v", s, c, enc, ok)
		}
	})
}

func TestViewStateReplay(t *testing.T) {
	tests := []struct {
		desc, query, want, note string
	}{
		{desc: "a recorded schedule", query: "replay=01a", want: "01a"},
		{desc: "not base 62", query: "replay=0-1", note: "ignored replay="},
		{desc: "markup is refused", query: `replay="><b>`, note: "ignored replay="},
	}
	for _, tt := range tests {
		s, notes := ParseViewState(mustQuery(t, tt.query))
		if s.Replay != tt.want {
			t.Errorf("%s: Replay %q, want %q", tt.desc, s.Replay, tt.want)
		}
		if tt.note != "" && (len(notes) == 0 || !strings.Contains(notes[0], tt.note)) {
			t.Errorf("%s: notes %q, want one with %q", tt.desc, notes, tt.note)
		}
		if tt.want != "" {
			if back, _ := ParseViewState(mustQuery(t, s.Query())); back != s {
				t.Errorf("%s: Query round trip: %+v → %q → %+v", tt.desc, s, s.Query(), back)
			}
		}
	}
}

func mustQuery(t *testing.T, q string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestReplayFits: a replay fits the run it gave when the run followed
// every choice in it; a made-up one (options the run never has, more
// decisions than it makes) does not.
func TestReplayFits(t *testing.T) {
	tests := []struct {
		desc   string
		replay string
		got    []int // the run's recorded choices
		want   bool
	}{
		{desc: "the run's own", replay: "102", got: []int{1, 0, 2}, want: true},
		{desc: "its dropped zeros", replay: "102", got: []int{1, 0, 2, 0, 0}, want: true},
		{desc: "no decisions at all", replay: "0", got: nil, want: true},
		{desc: "zeros written out past the end", replay: "100", got: []int{1}, want: true},
		{desc: "an option the run never had (sim took the first)", replay: "zzz", got: []int{0, 0, 0}, want: false},
		{desc: "more decisions than the run makes", replay: "111", got: []int{1}, want: false},
		{desc: "another run's", replay: "21", got: []int{1, 2}, want: false},
		{desc: "not a replay", replay: "!", got: nil, want: false},
	}
	for _, tt := range tests {
		if got := ReplayFits(tt.replay, &trace.Trace{Choices: tt.got}); got != tt.want {
			t.Errorf("%s: ReplayFits(%q, %v) = %v, want %v", tt.desc, tt.replay, tt.got, got, tt.want)
		}
	}
}

func TestChoicesFit(t *testing.T) {
	tests := []struct {
		desc       string
		given, got []int
		want       bool
	}{
		{desc: "none given", got: []int{1}, want: true},
		{desc: "followed, and more after", given: []int{1, 2}, got: []int{1, 2, 0}, want: true},
		{desc: "a choice not followed", given: []int{35}, got: []int{0}, want: false},
		{desc: "the run ended first", given: []int{1, 1}, got: []int{1}, want: false},
	}
	for _, tt := range tests {
		if got := ChoicesFit(tt.given, tt.got); got != tt.want {
			t.Errorf("%s: ChoicesFit(%v, %v) = %v, want %v", tt.desc, tt.given, tt.got, got, tt.want)
		}
	}
}
