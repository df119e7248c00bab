package app

import (
	"slices"

	"lanes/sim"
	"lanes/sim/trace"
)

// The game's keys: every choice at a pause has one. t lets time pass and u
// (or Backspace) undoes; the choices take 1–9, then a–z without those.

// choiceKeySeq is the keys choices take, in order.
var choiceKeySeq = func() []string {
	var out []string
	for d := '1'; d <= '9'; d++ {
		out = append(out, string(d))
	}
	for c := 'a'; c <= 'z'; c++ {
		if c != 't' && c != 'u' {
			out = append(out, string(c))
		}
	}
	return out
}()

// goroutineKey is goroutine id's own key (the id-th of choiceKeySeq), so
// that a goroutine keeps its key from pause to pause; "" past the end.
func goroutineKey(id trace.GoID) string {
	if id >= 1 && int(id) <= len(choiceKeySeq) {
		return choiceKeySeq[id-1]
	}
	return ""
}

// choiceKeys gives every choice of a pause a key, in the pause's order:
// at a select, its ready cases take 1, 2, …; otherwise a goroutine takes
// its own key (goroutineKey), and goroutines without one take the keys
// no goroutine of the pause holds, in order. "" when the keys ran out.
func choiceKeys(p *sim.Pause) []string {
	if p == nil {
		return nil
	}
	if p.Select {
		out := make([]string, len(p.Cases))
		for i := range out {
			if i < len(choiceKeySeq) {
				out[i] = choiceKeySeq[i]
			}
		}
		return out
	}
	out := make([]string, len(p.Goroutines))
	used := map[string]bool{}
	for i, id := range p.Goroutines {
		if k := goroutineKey(id); k != "" {
			out[i], used[k] = k, true
		}
	}
	free := 0
	for i := range out {
		if out[i] != "" {
			continue
		}
		for free < len(choiceKeySeq) && used[choiceKeySeq[free]] {
			free++
		}
		if free < len(choiceKeySeq) {
			out[i], used[choiceKeySeq[free]] = choiceKeySeq[free], true
		}
	}
	return out
}

// choiceKey is the key of goroutine id at p ("·" for none).
func choiceKey(p *sim.Pause, id trace.GoID) string {
	if p != nil && !p.Select {
		if i := slices.Index(p.Goroutines, id); i >= 0 {
			if k := choiceKeys(p)[i]; k != "" {
				return k
			}
		}
	}
	return "·"
}

// isChoiceKey says whether k is one the game may take for a choice.
func isChoiceKey(k string) bool { return slices.Contains(choiceKeySeq, k) }

// caseKey is the key of a select pause's i-th ready case.
func caseKey(i int) string {
	if i >= 0 && i < len(choiceKeySeq) {
		return choiceKeySeq[i]
	}
	return "·"
}
