package course

import (
	"errors"
	"fmt"
	json "lanes/minjson"
	"strconv"
	"unicode/utf8"

	"lanes/sim"
	"lanes/sim/trace"
)

// OutcomeChallenge is a custom goal of the scheduler game on a reader's
// own program (/play): reach one of the explorer's outcomes by hand. Its
// goal is the outcome's whole output, exactly, and its exit when a goal
// can name it (ok, deadlock, panic, fatal); ok is false when the outcome's
// output was cut short (the explorer kept only its first bytes), which no
// goal can name exactly.
func OutcomeChallenge(o ExploreOutcome) (*Challenge, bool) {
	if o.cut {
		return nil, false
	}
	goal := "output " + strconv.Quote(o.Output)
	if _, ok := exitWords[o.Exit]; ok {
		goal += "; exit " + o.Exit
	}
	ch, err := GoalChallenge(goal)
	return ch, err == nil
}

// MaxGoal is the longest custom goal a /play URL may carry (goal=).
const MaxGoal = 4000

// GoalChallenge is the custom goal of a /play URL (goal=, ParsePlayQuery)
// as a challenge: its task says what to reach, in the words
// OutcomeChallenge's goals get (the output, then the exit), or the goal
// as written for any other.
func GoalChallenge(goal string) (*Challenge, error) {
	if len(goal) > MaxGoal {
		return nil, fmt.Errorf("longer than %d bytes", MaxGoal)
	}
	if !utf8.ValidString(goal) {
		return nil, errors.New("not UTF-8 text")
	}
	g, err := ParseGoal(goal)
	if err != nil {
		return nil, err
	}
	task := "Reach this goal yourself: " + g.String()
	if c := g.Conds; c[0].Name == "output" && (len(c) == 1 || len(c) == 2 && c[1].Name == "exit") {
		task = "Reach this outcome yourself: the program prints nothing"
		if out := c[0].Args[0]; out != "" {
			task = "Reach this outcome yourself: the program prints " + QuoteShort(out)
		}
		if len(c) == 2 {
			task += " and ends " + c[1].Args[0]
		}
	}
	return &Challenge{Task: task + ".", Goal: g.String(), Fewest: -1}, nil
}

// DecodeScheduled reads a program module's answer to a scheduler game's
// run (internal/progwasm's SchedAnswer) as the sim.Scheduled NewGame
// draws. A module built before the game answers with a bare trace: that
// is an error saying so.
func DecodeScheduled(b []byte) (sim.Scheduled, error) {
	var a struct {
		Scheduled   bool            `json:"scheduled"`
		Trace       json.RawMessage `json:"trace"`
		Pause       *sim.Pause      `json:"pause"`
		Decisions   []int           `json:"decisions"`
		Preemptions int             `json:"preemptions"`
	}
	if err := json.Unmarshal(b, &a); err != nil {
		return sim.Scheduled{}, fmt.Errorf("the game's run could not be read: %v", err)
	}
	if !a.Scheduled {
		return sim.Scheduled{}, errors.New("this program's module was built before the scheduler game: edit the program (a space will do) and run it again")
	}
	tr, err := trace.Unmarshal(a.Trace)
	if err != nil {
		return sim.Scheduled{}, fmt.Errorf("the game's trace could not be read: %v", err)
	}
	if p := a.Pause; p != nil && (p.Step > len(tr.Choices) || p.Events > len(tr.Events) || len(p.Lines) != len(p.Goroutines)) {
		return sim.Scheduled{}, errors.New("the game's pause does not fit its run")
	}
	for _, d := range a.Decisions {
		if d < 0 || d > len(tr.Choices) {
			return sim.Scheduled{}, errors.New("the game's decisions do not fit its run")
		}
	}
	return sim.Scheduled{Trace: tr, Pause: a.Pause, Decisions: a.Decisions, Preemptions: a.Preemptions}, nil
}
