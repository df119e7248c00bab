package course

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lanes/sim"
	"lanes/sim/trace"
)

// A Goal is what a challenge asks of a run's end: every one of its
// conditions holds. It is written in a lesson's front matter as
// conditions separated by ";", each a name from a small closed set and its
// quoted arguments:
//
//	prints "worker 1 done"; before "all done" "worker 3 done"
//
//	prints "X"        the output contains X
//	never-prints "X"  the output does not contain X
//	before "A" "B"    the output contains A, and B not before A's first place
//	output "X"        the output is exactly X (Go escapes: "c\nc\nc\n")
//	exit KIND         the program ended as KIND: ok, deadlock, panic, fatal
//	panics "X"        it ended in a panic or fatal error whose text contains X
//	leaks             a goroutine leaked at exit (blocked for good)
//	killed            a goroutine was still running when main returned
//
// Goals look at the outcome only, so the explorer's outcomes (sim.Outcome)
// can be checked as well as a run (GoalOf).
type Goal struct {
	Conds []Cond
}

// Cond is one condition of a goal.
type Cond struct {
	Name string
	Args []string
}

// Ending is what a goal looks at: how a run ended.
type Ending struct {
	Exit   trace.ExitKind
	Output string
	Stderr string
	Leaked int
	Killed int
}

// EndOf is the end of a run.
func EndOf(tr *trace.Trace) Ending {
	o := tr.Outcome
	return Ending{Exit: o.Exit, Output: o.Output, Stderr: o.Stderr, Leaked: len(o.Leaked), Killed: len(o.Killed)}
}

// EndOfOutcome is the end of an explorer's outcome.
func EndOfOutcome(o sim.Outcome) Ending {
	return Ending{Exit: o.Exit, Output: o.Output, Stderr: o.Stderr, Leaked: len(o.Leaked), Killed: len(o.Killed)}
}

// condArgs is how many arguments each condition takes.
var condArgs = map[string]int{
	"prints": 1, "never-prints": 1, "before": 2, "output": 1, "exit": 1, "panics": 1, "leaks": 0, "killed": 0,
}

// exitWords are the exit kinds a goal may name.
var exitWords = map[string]trace.ExitKind{
	"ok": trace.ExitOK, "deadlock": trace.ExitDeadlock, "panic": trace.ExitPanic, "fatal": trace.ExitFatal,
}

// ParseGoal reads a goal as a front matter writes it.
func ParseGoal(s string) (Goal, error) {
	var g Goal
	for part := range strings.SplitSeq(s, ";") {
		words, err := goalWords(strings.TrimSpace(part))
		if err != nil {
			return Goal{}, err
		}
		if len(words) == 0 {
			continue
		}
		c := Cond{Name: words[0], Args: words[1:]}
		n, ok := condArgs[c.Name]
		if !ok {
			return Goal{}, fmt.Errorf("unknown condition %s", QuoteShort(c.Name))
		}
		if len(c.Args) != n {
			return Goal{}, fmt.Errorf("%s takes %d argument(s), got %d", c.Name, n, len(c.Args))
		}
		if c.Name == "exit" {
			if _, ok := exitWords[c.Args[0]]; !ok {
				return Goal{}, fmt.Errorf("exit %s: want ok, deadlock, panic or fatal", QuoteShort(c.Args[0]))
			}
		}
		g.Conds = append(g.Conds, c)
	}
	if len(g.Conds) == 0 {
		return Goal{}, errors.New("empty goal")
	}
	return g, nil
}

// goalWords splits a condition into its name and arguments: bare words
// (the name, an exit kind) and Go-quoted strings.
func goalWords(s string) ([]string, error) {
	var out []string
	for s != "" {
		if s[0] == '"' {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, fmt.Errorf("bad quoted string in %s", QuoteShort(s))
			}
			v, _ := strconv.Unquote(q)
			out = append(out, v)
			s = strings.TrimLeft(s[len(q):], " ")
			continue
		}
		w, rest, _ := strings.Cut(s, " ")
		if strings.Contains(w, `"`) {
			return nil, fmt.Errorf("bad word %s", QuoteShort(w))
		}
		out = append(out, w)
		s = strings.TrimLeft(rest, " ")
	}
	return out, nil
}

// Met reports whether the run's end meets every condition.
func (g Goal) Met(e Ending) bool {
	for _, c := range g.Conds {
		if !c.met(e) {
			return false
		}
	}
	return len(g.Conds) > 0
}

func (c Cond) met(e Ending) bool {
	switch c.Name {
	case "prints":
		return strings.Contains(e.Output, c.Args[0])
	case "never-prints":
		return !strings.Contains(e.Output, c.Args[0])
	case "before":
		i := strings.Index(e.Output, c.Args[0])
		j := strings.Index(e.Output, c.Args[1])
		return i >= 0 && (j < 0 || j >= i)
	case "output":
		return e.Output == c.Args[0]
	case "exit":
		return e.Exit == exitWords[c.Args[0]]
	case "panics":
		return (e.Exit == trace.ExitPanic || e.Exit == trace.ExitFatal) && strings.Contains(e.Stderr, c.Args[0])
	case "leaks":
		return e.Leaked > 0
	case "killed":
		return e.Killed > 0
	}
	return false
}

// String writes the goal back as ParseGoal reads it.
func (g Goal) String() string {
	parts := make([]string, len(g.Conds))
	for i, c := range g.Conds {
		w := []string{c.Name}
		for _, a := range c.Args {
			if c.Name == "exit" {
				w = append(w, a)
			} else {
				w = append(w, strconv.Quote(a))
			}
		}
		parts[i] = strings.Join(w, " ")
	}
	return strings.Join(parts, "; ")
}
