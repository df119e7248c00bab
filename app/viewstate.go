package app

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"unicode/utf8"
)

// ViewState is everything a lesson or embed URL can say about the view:
//
//	?variant=fixed&seed=7&strategy=random&t=12&theme=dark&autoplay=1&controls=minimal&code=0
//	?variant=fixed&replay=01a2      (a recorded schedule, see EncodeChoices)
//
// Parsing never fails: a malformed or unknown value falls back to its default
// and yields a note for the page to show. Every field of a parsed ViewState
// is safe to put in an attribute (names match NamePattern, the rest are
// numbers or one of a few fixed words).
type ViewState struct {
	Variant  string // "" = the lesson's default variant; else matches NamePattern
	Seed     int64  // 0 ≤ Seed ≤ MaxSeed; default 1
	Strategy string // one of Strategies; default Strategies[0]
	T        int    // playhead: events shown, 0 ≤ T ≤ MaxT; -1 (default) = the end
	Theme    string // "auto" (default), "light" or "dark"
	Autoplay bool   // start playing once loaded (default false)
	Controls string // "full" (default) or "minimal"
	Code     bool   // show the code (default true)
	Replay   string // "" or recorded scheduling choices (EncodeChoices); overrides Seed and Strategy
	Scale    string // the timeline's x axis: "time" (default, virtual time) or "step" (one slot per event)
}

// Limits of the numeric parameters.
const (
	MaxSeed = 1<<53 - 1 // exact in JavaScript numbers
	MaxT    = 10_000_000
)

// DefaultViewState is the state of a URL without parameters.
func DefaultViewState() ViewState {
	return ViewState{Seed: 1, Strategy: Strategies[0], T: -1, Theme: "auto", Controls: "full", Code: true, Scale: "time"}
}

// knownParams are the parameters ParseViewState reads, plus go-app's own
// "wasm" switch, which is allowed and ignored.
var knownParams = []string{"variant", "seed", "strategy", "t", "theme", "autoplay", "controls", "code", "replay", "scale", "wasm"}

// ParseViewState reads a view state from URL query values. It returns the
// state and notes (plain text, for the page to show) about every parameter
// it ignored and why.
func ParseViewState(q url.Values) (ViewState, []string) {
	s := DefaultViewState()
	var notes []string
	bad := func(name, v, why string) {
		notes = append(notes, fmt.Sprintf("ignored %s=%s: %s", name, quoteShort(v), why))
	}
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(knownParams, name) {
			notes = append(notes, fmt.Sprintf("ignored unknown parameter %s", quoteShort(name)))
		}
	}
	for _, name := range knownParams {
		vs, ok := q[name]
		if !ok || len(vs) == 0 {
			continue
		}
		if len(vs) > 1 {
			notes = append(notes, fmt.Sprintf("parameter %s given %d times: using the first", name, len(vs)))
		}
		v := vs[0]
		switch name {
		case "variant":
			if NamePattern.MatchString(v) {
				s.Variant = v
			} else {
				bad(name, v, "not a variant name")
			}
		case "seed":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 || n > MaxSeed || len(v) > 1 && v[0] == '0' || v[0] == '+' {
				bad(name, v, fmt.Sprintf("want a whole number from 0 to %d", int64(MaxSeed)))
			} else {
				s.Seed = n
			}
		case "strategy":
			if slices.Contains(Strategies, v) {
				s.Strategy = v
			} else {
				bad(name, v, fmt.Sprintf("want one of %v", Strategies))
			}
		case "t":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > MaxT || len(v) > 1 && v[0] == '0' || v[0] == '+' {
				bad(name, v, "want a step number (0 = the start)")
			} else {
				s.T = n
			}
		case "theme":
			if v == "auto" || v == "light" || v == "dark" {
				s.Theme = v
			} else {
				bad(name, v, "want auto, light or dark")
			}
		case "scale":
			if v == "time" || v == "step" {
				s.Scale = v
			} else {
				bad(name, v, "want time or step")
			}
		case "controls":
			if v == "full" || v == "minimal" {
				s.Controls = v
			} else {
				bad(name, v, "want full or minimal")
			}
		case "replay":
			if validReplay(v) {
				s.Replay = v
			} else {
				bad(name, v, "want a recorded schedule (1 to 2000 letters and digits)")
			}
		case "autoplay", "code":
			if v != "0" && v != "1" {
				bad(name, v, "want 0 or 1")
			} else if name == "autoplay" {
				s.Autoplay = v == "1"
			} else {
				s.Code = v == "1"
			}
		}
	}
	return s, notes
}

// Query encodes the state's non-default fields as a query string (without
// "?"), in a fixed order; ParseViewState reads it back unchanged.
func (s ViewState) Query() string {
	d := DefaultViewState()
	q := ""
	add := func(k, v string) {
		if q != "" {
			q += "&"
		}
		q += k + "=" + url.QueryEscape(v)
	}
	if s.Variant != d.Variant {
		add("variant", s.Variant)
	}
	if s.Seed != d.Seed {
		add("seed", strconv.FormatInt(s.Seed, 10))
	}
	if s.Strategy != d.Strategy {
		add("strategy", s.Strategy)
	}
	if s.T != d.T && s.T >= 0 {
		add("t", strconv.Itoa(s.T))
	}
	if s.Theme != d.Theme {
		add("theme", s.Theme)
	}
	if s.Autoplay != d.Autoplay {
		add("autoplay", "1")
	}
	if s.Controls != d.Controls {
		add("controls", s.Controls)
	}
	if s.Code != d.Code {
		add("code", "0")
	}
	if s.Replay != "" {
		add("replay", s.Replay)
	}
	if s.Scale != d.Scale && s.Scale != "" {
		add("scale", s.Scale)
	}
	return q
}

// quoteShort quotes a user-given string for a note, cut to 32 characters.
func quoteShort(v string) string {
	if utf8.RuneCountInString(v) > 32 {
		r := []rune(v)
		v = string(r[:32]) + "…"
	}
	return strconv.Quote(v)
}

// NextSeed returns the seed that "New schedule" moves to from seed: a
// well-mixed but deterministic successor, so the link works without
// JavaScript and is shareable.
func NextSeed(seed int64) int64 {
	z := uint64(seed) + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	z ^= z >> 31
	return int64(z%1_000_000) + 1
}
