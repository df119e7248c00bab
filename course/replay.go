package course

import (
	"errors"
	"slices"
	"strings"

	"lanes/sim/trace"
)

// validReplay reports whether s is a replay parameter: 1 to 2,000 base-62
// digits.
func validReplay(s string) bool {
	if len(s) == 0 || len(s) > 2000 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(digits62, s[i]) < 0 {
			return false
		}
	}
	return true
}

const digits62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// EncodeChoices encodes scheduling choices for the replay URL parameter:
// one base-62 digit per choice, trailing zeros dropped (sim.Replay takes
// the first option once the choices run out). It reports false when a
// choice is 62 or more, or the result is longer than 2,000 digits.
func EncodeChoices(choices []int) (string, bool) {
	n := len(choices)
	for n > 0 && choices[n-1] == 0 {
		n--
	}
	if n == 0 {
		return "0", true
	}
	if n > 2000 {
		return "", false
	}
	var b strings.Builder
	for _, c := range choices[:n] {
		if c < 0 || c >= len(digits62) {
			return "", false
		}
		b.WriteByte(digits62[c])
	}
	return b.String(), true
}

// DecodeChoices reads a replay parameter written by EncodeChoices.
func DecodeChoices(s string) ([]int, error) {
	if !validReplay(s) {
		return nil, errors.New("want 1 to 2000 base-62 digits")
	}
	out := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = strings.IndexByte(digits62, s[i])
	}
	return out, nil
}

// ChoicesFit says whether a run followed the choices given it: a replay
// (or the scheduler game's sched=) made up, or recorded for another
// program, asks for options its run never has (sim takes the first then)
// or for more decisions than it makes, and got, the run's recorded
// choices, then does not start with given.
func ChoicesFit(given, got []int) bool {
	return len(got) >= len(given) && slices.Equal(got[:len(given)], given)
}

// ReplayFits says whether tr followed the replay parameter it was run
// with (ChoicesFit; the zeros EncodeChoices drops at the end, and "0",
// are the first option the run takes anyway).
func ReplayFits(replay string, tr *trace.Trace) bool {
	given, err := DecodeChoices(replay)
	if err != nil || tr == nil {
		return false
	}
	for len(given) > 0 && given[len(given)-1] == 0 {
		given = given[:len(given)-1]
	}
	return ChoicesFit(given, tr.Choices)
}
