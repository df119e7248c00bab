package app

import (
	"errors"
	"lanes/sim/trace"
	"strings"
)

// Explorer is what a Catalog also implements when it can answer "What can
// happen?": run many schedules of a variant and group them by outcome, and
// replay one recorded schedule. The pages check for it with a type
// assertion, so a catalog without it still works (no explorer panel, no
// replay links).
type Explorer interface {
	// Explore runs req.Runs schedules of a variant (slug and variant are
	// known names). progress is called after every run with how many are
	// done out of how many; returning false stops early. In the browser
	// progress is where the page gets its turn (see ExplorePanel).
	Explore(slug, variant string, req ExploreRequest, progress func(done, total int) bool) (ExploreResult, error)
	// Replay runs a variant with recorded scheduling choices (sim.Replay)
	// and draws it.
	Replay(slug, variant string, choices []int) (Run, error)
}

// ExploreModes are the modes the explorer offers; the first is the default:
// "auto" enumerates every schedule when there are few enough (exhaustive),
// else runs random ones; "random" and "pct" run that strategy.
var ExploreModes = []string{"auto", "random", "pct"}

// ExploreRequest says how to explore.
type ExploreRequest struct {
	Mode string // one of ExploreModes
	Runs int    // schedules to run (random, pct; auto when it cannot enumerate all: its enumeration stops at ExhaustiveBound)
	Seed int64  // the first seed: run i uses Seed+i
}

// ExhaustiveBound is how many schedules "auto" enumerates at most before it
// gives up on covering them all and runs random ones instead.
const ExhaustiveBound = 2000

// ExploreResult is what Explore found.
type ExploreResult struct {
	Strategy string // what ran: "exhaustive", "random" or "pct"
	Runs     int    // schedules run
	Complete bool   // exhaustive: these are all the schedules
	Stopped  bool   // stopped before Runs
	Outcomes []ExploreOutcome
}

// ExploreOutcome is one way the program ended, with how many schedules
// ended that way and one that can be replayed.
type ExploreOutcome struct {
	Output string   // stdout
	Exit   string   // exit kind: "ok", "panic", "deadlock", "exit"…
	Stderr string   // first line of stderr
	Killed []string // goroutines killed at exit: "name (line N)"
	Leaked []string // goroutines leaked: "name (line N): reason"
	Count  int
	// How to replay one schedule that ends this way: a Strategy and Seed
	// (random, pct), or Replay choices (exhaustive; "" when they cannot be
	// encoded, see EncodeChoices).
	Strategy string
	Seed     int64
	Replay   string
}

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

// runState runs the variant the way a view state asks: a replayed schedule
// when it has one (and the catalog can replay), else seed and strategy.
func runState(slug, variant string, s ViewState) (Run, error) {
	r, err := runOrReplay(slug, variant, s)
	if err == nil && s.Scale == "step" {
		if sc, ok := CurrentCatalog().(Scaler); ok {
			r = sc.Redraw(slug, r.Trace, s.Scale)
		}
	}
	return r, err
}

func runOrReplay(slug, variant string, s ViewState) (Run, error) {
	c := CurrentCatalog()
	if s.Replay != "" {
		if ex, ok := c.(Explorer); ok {
			choices, err := DecodeChoices(s.Replay)
			if err != nil {
				return Run{}, err
			}
			return ex.Replay(slug, variant, choices)
		}
	}
	return c.Run(slug, variant, s.Seed, s.Strategy)
}

// Scaler is implemented by catalogs that can draw a run's timeline on
// another x scale ("time" or "step").
type Scaler interface {
	Redraw(slug string, tr *trace.Trace, scale string) Run
}
