package course

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"lanes/sim"
	"lanes/timeline"
)

// ViewState is everything a lesson or embed URL can say about the view:
//
//	?variant=fixed&seed=7&strategy=random&t=12&theme=dark&autoplay=1&controls=minimal&code=0&scale=step
//	?variant=fixed&replay=01a2      (a recorded schedule, see EncodeChoices)
//	?variant=add-inside&sched=0010  (the scheduler game, see EncodeSched; "-" = its start)
//
// Its zero value is the default view: the default variant, seed 1, the
// runtime strategy, the playhead at the end, the reader's theme, full
// controls, the code shown, virtual time. ParseViewState writes every
// default as the zero value, so a parsed URL without parameters is
// ViewState{}. Every field of a parsed ViewState but Goal is safe to put
// in an attribute (names match NamePattern, the rest are numbers or one
// of a few fixed words).
type ViewState struct {
	Variant  string         // "" = the lesson's default variant; else matches NamePattern
	Seed     int64          // 0 = the default seed, 1; else 1 ≤ Seed ≤ MaxSeed
	Strategy string         // "" = Strategies[0]; else one of Strategies
	T        Pos            // the playhead
	Theme    timeline.Theme // the colours
	Autoplay bool           // start playing once loaded
	Minimal  bool           // minimal controls (step, play, scrub)
	NoCode   bool           // hide the code (embeds)
	Replay   string         // "" or recorded scheduling choices (EncodeChoices); overrides Seed and Strategy
	Scale    timeline.Scale // the timeline's x axis
	// ScaleGiven: the URL chose the axis (scale=); else the lesson's
	// front matter does (Lesson.ScaleFor).
	ScaleGiven bool
	Sched      string // "" or the scheduler game's choices so far (EncodeSched): the page plays the game
	// Goal is "" or a /play game's custom goal (ParsePlayQuery; a lesson's
	// URL has none): any text GoalChallenge accepts, quotes included, so
	// it reaches a page only through Query (URL-escaped) or as text.
	Goal string
}

// Pos is a playhead position: the end of the run (the zero value, End) or
// a number of events shown (At).
type Pos struct {
	n   int
	set bool
}

// End is the end of the run.
var End = Pos{}

// At is the position with the first n events shown (0 = the start).
func At(n int) Pos { return Pos{n: max(n, 0), set: true} }

// IsEnd reports whether p is the end.
func (p Pos) IsEnd() bool { return !p.set }

// Shown resolves p in a run of total events: how many are shown (the end,
// or a position past it, is total).
func (p Pos) Shown(total int) int {
	if !p.set || p.n > total {
		return total
	}
	return p.n
}

// Strategies are the scheduling strategies the pages offer (sim's, one
// list); the first is the default.
var Strategies = sim.StrategyNames()

// Schedule is the run the view asks for: its strategy and seed, defaults
// filled in.
func (s ViewState) Schedule() (strategy string, seed int64) {
	strategy, seed = s.Strategy, s.Seed
	if strategy == "" {
		strategy = Strategies[0]
	}
	if seed == 0 {
		seed = 1
	}
	return strategy, seed
}

// Limits of the numeric parameters.
const (
	MaxSeed = 1<<53 - 1 // exact in JavaScript numbers
	MaxT    = 10_000_000
)

// knownParams are the parameters ParseViewState reads, plus go-app's own
// "wasm" switch, which is allowed and ignored.
var knownParams = []string{"variant", "seed", "strategy", "t", "theme", "autoplay", "controls", "code", "replay", "scale", "sched", "wasm"}

// ParseViewState reads a view state from URL query values. It returns the
// state and notes (plain text, for the page to show) about every parameter
// it ignored and why.
func ParseViewState(q url.Values) (ViewState, []string) {
	var s ViewState
	var notes []string
	bad := func(name, v, why string) {
		notes = append(notes, fmt.Sprintf("ignored %s=%s: %s", name, QuoteShort(v), why))
	}
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(knownParams, name) {
			notes = append(notes, fmt.Sprintf("ignored unknown parameter %s", QuoteShort(name)))
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
			if err != nil || n < 1 || n > MaxSeed || v[0] == '0' || v[0] == '+' {
				bad(name, v, fmt.Sprintf("want a whole number from 1 to %d", int64(MaxSeed)))
			} else if n != 1 {
				s.Seed = n
			}
		case "strategy":
			if !slices.Contains(Strategies, v) {
				bad(name, v, "want "+orList(Strategies))
			} else if v != Strategies[0] {
				s.Strategy = v
			}
		case "t":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > MaxT || len(v) > 1 && v[0] == '0' || v[0] == '+' {
				bad(name, v, "want a step number (0 = the start)")
			} else {
				s.T = At(n)
			}
		case "theme":
			if th, err := timeline.ParseTheme(v); err == nil {
				s.Theme = th
			} else {
				bad(name, v, "want auto, light or dark")
			}
		case "scale":
			if sc, err := timeline.ParseScale(v); err == nil {
				s.Scale, s.ScaleGiven = sc, true
			} else {
				bad(name, v, "want time or step")
			}
		case "controls":
			if v == "full" || v == "minimal" {
				s.Minimal = v == "minimal"
			} else {
				bad(name, v, "want full or minimal")
			}
		case "replay":
			if validReplay(v) {
				s.Replay = v
			} else {
				bad(name, v, "want a recorded schedule (1 to 2000 letters and digits)")
			}
		case "sched":
			if validSched(v) {
				s.Sched = v
			} else {
				bad(name, v, `want the scheduler game's choices (1 to 2000 letters and digits, or "-" for its start): the game starts over`)
				s.Sched = "-"
			}
		case "autoplay", "code":
			if v != "0" && v != "1" {
				bad(name, v, "want 0 or 1")
			} else if name == "autoplay" {
				s.Autoplay = v == "1"
			} else {
				s.NoCode = v == "0"
			}
		}
	}
	return s, notes
}

// orList names the choices in words: "runtime, random or pct".
func orList(words []string) string {
	switch n := len(words); n {
	case 0:
		return "nothing"
	case 1:
		return words[0]
	default:
		return strings.Join(words[:n-1], ", ") + " or " + words[n-1]
	}
}

// Query encodes the state's non-default fields as a query string (without
// "?"), in a fixed order; ParseViewState reads it back unchanged.
func (s ViewState) Query() string {
	var q []string
	add := func(k, v string) { q = append(q, k+"="+url.QueryEscape(v)) }
	if s.Variant != "" {
		add("variant", s.Variant)
	}
	if s.Seed != 0 && s.Seed != 1 {
		add("seed", strconv.FormatInt(s.Seed, 10))
	}
	if s.Strategy != "" && s.Strategy != Strategies[0] {
		add("strategy", s.Strategy)
	}
	if !s.T.IsEnd() {
		add("t", strconv.Itoa(s.T.n))
	}
	if s.Theme != timeline.ThemeAuto {
		add("theme", s.Theme.String())
	}
	if s.Autoplay {
		add("autoplay", "1")
	}
	if s.Minimal {
		add("controls", "minimal")
	}
	if s.NoCode {
		add("code", "0")
	}
	if s.Replay != "" {
		add("replay", s.Replay)
	}
	if s.Scale != timeline.ScaleTime || s.ScaleGiven {
		add("scale", s.Scale.String())
	}
	if s.Sched != "" {
		add("sched", s.Sched)
	}
	if s.Goal != "" {
		add("goal", s.Goal)
	}
	return strings.Join(q, "&")
}

// QuoteShort quotes a user-given string for a note, cut to 32 characters.
func QuoteShort(v string) string {
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
