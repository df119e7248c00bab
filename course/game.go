package course

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Game is a run of the scheduler game ("you are the scheduler"), drawn:
// the reader's choices so far, the run they lead to, and the decision it
// waits for. At a pause the drawing is of the run so far (trace.Prefix):
// nothing of what the runtime would do after it, no goroutine not yet
// started, no end; once the program ended, of the whole run. A page shows
// it up to Shown events.
type Game struct {
	Drawing
	Choices     []int      // the game's state: the choices so far
	Pause       *sim.Pause // who may run now; nil when the program ended
	Shown       int        // events to show: up to the pause, or all
	Picks       int        // the reader's decisions so far
	Preemptions int        // how many of them were preemptions
	Undo        []int      // the choices Undo goes back to (nil: nothing to undo)
	Won         bool       // the program ended and met the challenge's goal
	// Cases name the ready cases when the pause is at a select
	// (Pause.Select): PickCase(i) proceeds with Cases[i].
	Cases []SelectCase
}

// Then names how a game goes on by itself from its pause: "" (it waits for
// the reader), "runtime" (let the runtime decide from here) or "random".
var Thens = []string{"", "runtime", "random"}

// Play runs the scheduler game on a variant: its choices so far (then
// "" waits for the reader at the next decision), or finishes it from there
// with the runtime strategy or random (seed). Runs are not cached: every
// pick is a new prefix. A goal (nil: none) says whether an ended run won.
func (c *Course) Play(slug, variant string, choices []int, then string, seed int64, scale timeline.Scale) (Game, error) {
	l, v, err := c.find(slug, variant)
	if err != nil {
		return Game{}, err
	}
	var s sim.Strategy
	switch then {
	case "":
	case "runtime":
		s = sim.Runtime()
	case "random":
		s = sim.Random()
	default:
		return Game{}, fmt.Errorf("unknown way to go on %s", QuoteShort(then))
	}
	release, err := c.acquire(context.Background(), true)
	if err != nil {
		return Game{}, err
	}
	defer release()
	opts := sim.Options{Program: v.File, Seed: seed}
	r := sim.RunScheduled(v.Main, opts, choices, s)
	if then != "" {
		// Finished by a strategy: the whole run is the game's new state.
		r = sim.RunScheduled(v.Main, opts, r.Trace.Choices, nil)
	}
	return NewGame(r, v.Code, v.Challenge, timeline.Options{Scale: scale, InFlight: l.HasTrack(TrackInFlight)}), nil
}

// SolutionChoices is the game's state at the end of the variant's
// recorded winning schedule (Challenge.Solution): the whole run's choices,
// for Play. A recorded solution may stop early (sim.Replay takes the first
// candidate after it); the registry's tests check that it wins, played
// this way.
func (c *Course) SolutionChoices(slug, variant string) ([]int, error) {
	_, v, err := c.find(slug, variant)
	if err != nil {
		return nil, err
	}
	if v.Challenge == nil || v.Challenge.Solution == "" {
		return nil, fmt.Errorf("%s has no recorded solution", QuoteShort(slug+"/"+variant))
	}
	choices, err := DecodeChoices(v.Challenge.Solution)
	if err != nil {
		return nil, err
	}
	release, err := c.acquire(context.Background(), true)
	if err != nil {
		return nil, err
	}
	defer release()
	return sim.Run(v.Main, sim.Options{Program: v.File, Strategy: sim.Replay(choices)}).Choices, nil
}

// NewGame draws a scheduled run (sim.RunScheduled) of the program code as
// the game's state: where it waits, what the reader spent, and, when it
// ended, whether it met the challenge's goal (ch nil: none). A page whose
// program runs elsewhere (/play's worker) builds its game with it.
func NewGame(r sim.Scheduled, code string, ch *Challenge, opts timeline.Options) Game {
	g := Game{Pause: r.Pause, Picks: len(r.Decisions), Preemptions: r.Preemptions}
	g.Shown = len(r.Trace.Events)
	if r.Pause != nil {
		g.Drawing = Draw(r.Trace.Prefix(r.Pause.Events), opts)
		g.Cases = ReadyCases(code, r.Pause)
		g.Shown = r.Pause.Events
		g.Choices = slices.Clone(r.Trace.Choices[:r.Pause.Step])
	} else {
		g.Drawing = Draw(r.Trace, opts)
		g.Choices = slices.Clone(r.Trace.Choices)
		if ch != nil {
			if goal, err := ch.ParsedGoal(); err == nil {
				g.Won = goal.Met(EndOf(r.Trace))
			}
		}
	}
	if n := len(r.Decisions); n > 0 {
		g.Undo = slices.Clone(r.Trace.Choices[:r.Decisions[n-1]])
	}
	return g
}

// Pick returns the game's choices after running goroutine id (0: letting
// time slip) at its pause.
func (g Game) Pick(id trace.GoID) ([]int, error) {
	if g.Pause == nil {
		return nil, errors.New("the program has ended: nothing runs any more")
	}
	c, ok := g.Pause.Take(id)
	if !ok {
		if id == trace.NoGoroutine {
			return nil, errors.New("time cannot pass here: no timer is pending")
		}
		return nil, fmt.Errorf("goroutine %d cannot run now", id)
	}
	return append(slices.Clone(g.Choices), c...), nil
}

// EncodeSched writes a game's choices for the sched URL parameter: one
// base-62 digit per choice, every one kept (the game's length is where
// it waits), "-" for none. It reports false when a choice is 62 or more or
// there are over 2,000.
func EncodeSched(choices []int) (string, bool) {
	if len(choices) == 0 {
		return "-", true
	}
	if len(choices) > 2000 {
		return "", false
	}
	var b strings.Builder
	for _, c := range choices {
		if c < 0 || c >= len(digits62) {
			return "", false
		}
		b.WriteByte(digits62[c])
	}
	return b.String(), true
}

// DecodeSched reads a sched parameter written by EncodeSched.
func DecodeSched(s string) ([]int, error) {
	if s == "-" {
		return []int{}, nil
	}
	return DecodeChoices(s)
}

func validSched(s string) bool { return s == "-" || validReplay(s) }

// LaneGoroutines are the goroutines of the drawing's lanes, top to bottom
// (NoGoroutine for a lane of several or of the clock): the n-th lane
// label is LaneGoroutines()[n].
func (r Drawing) LaneGoroutines() []trace.GoID {
	if r.d == nil {
		return nil
	}
	out := make([]trace.GoID, len(r.d.Lanes))
	for i, ln := range r.d.Lanes {
		out[i] = ln.G
	}
	return out
}
