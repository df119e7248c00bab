// Package trace is the contract between the simulator and everything that
// draws or checks a run: the timeline, the explorer, the CLI and the tests.
//
// A Trace records one run of a program under the simulator (package sim):
// the goroutines it created, the synchronisation objects they used, every
// event in the order it happened, the scheduling choices that were made, and
// the outcome.
//
// # Terms
//
//   - Time is virtual: nanoseconds on the simulator's clock. It starts at 0
//     and advances when no goroutine can run, straight to the earliest
//     timer. Computation takes no virtual time.
//   - A time slip: under the exploring strategies the clock may also jump to
//     the next timer while goroutines are still runnable (a slow machine, a
//     late timer), as real Go only promises that a sleep lasts at least its
//     duration. Several slips in a row fire several timers at one
//     scheduling point. A slip is a timeslip event, before the events of
//     the timers it fires.
//   - A goroutine is Runnable when it could run, Running while it has the
//     turn (exactly one at a time), Blocked while it waits on an object (a
//     WaitGroup, channel, mutex, semaphore, select, errgroup limit) and
//     Sleeping while it waits for the clock (time.Sleep).
//   - Done: its function returned (or it called runtime.Goexit).
//   - Killed at exit: it was still alive when the program ended; Go stops such
//     goroutines without running anything more of them.
//   - Leaked: killed at exit, and it would never have finished even with all
//     the time in the world: it was blocked on something nobody would ever
//     signal, or it was looping forever (a ticker loop with no way out).
//   - A data race: two goroutines access the same variable, at least one of
//     them writing, and neither access happens before the other (the Go
//     memory model: go statement before the goroutine starts, send before
//     the receive, Unlock before the next Lock, Done before Wait returns…).
//     It is an event (KindRace) at the second access and an entry of
//     Outcome.Races.
//
// # Events
//
// Events are numbered from 0 (Seq), carry the virtual time at which they
// happened, the goroutine that did them, the line of the shown program, and
// kind-specific fields (see Kind). A state change is an event too
// (KindState), so a trace is enough to replay every lane at every step.
//
// # Encoding
//
// Encode writes a versioned JSON document; Decode reads it back, and the pair
// round-trips exactly. Enums are written as their String() names:
//
//	{"version":3,"program":"prog.go","strategy":"runtime","seed":1,
//	 "goroutines":[{"id":1,"name":"main","func":"main.main"}],
//	 "events":[{"seq":0,"g":1,"kind":"state","state":"running"},
//	           {"seq":1,"g":1,"kind":"print","line":6,"text":"hi\n"},
//	           {"seq":2,"g":1,"kind":"state","state":"done"}],
//	 "outcome":{"exit":"ok","output":"hi\n","peakLive":1,"steps":3}}
//
// Validate checks every invariant a consumer may rely on; every test that
// produces a trace calls it.
package trace

import "time"

// Version is the version of the JSON encoding written by Encode. Each
// version only adds to the one before (2: the timeslip event kind; 3: a
// goroutine's call, objects named by the program's variables), so Decode
// reads them all.
const Version = 3

// Time is a virtual time in nanoseconds since the start of the run.
type Time int64

// String formats t like a time.Duration ("1.5s", "0s").
func (t Time) String() string { return time.Duration(t).String() }

// GoID identifies a goroutine within a trace. The main goroutine is 1, the
// others are numbered in creation order.
type GoID int32

// NoGoroutine is the GoID of "no goroutine" (for example the peer of an
// event that has none).
const NoGoroutine GoID = 0

// ObjID identifies a synchronisation object within a trace.
type ObjID int32

// NoObject is the ObjID of "no object".
const NoObject ObjID = 0

// Goroutine describes one goroutine of the run.
type Goroutine struct {
	ID     GoID   `json:"id"`
	Name   string `json:"name"`             // "main", "worker", "func1"…
	Parent GoID   `json:"parent,omitempty"` // NoGoroutine for main
	Line   int32  `json:"line,omitempty"`   // line of the go statement
	Func   string `json:"func,omitempty"`   // e.g. "main.worker"
	// Call is the go statement's call as the program spells it, with the
	// values its simple arguments had: "worker(1, &wg)", "func(\"a\")",
	// "func" for a function literal without arguments, followed by the loop
	// variables it uses ("func i=2"); "" when not known
	// (a goroutine a mirror started from a plain function or a timer).
	Call string `json:"call,omitempty"`
}

// Object describes one synchronisation object (a WaitGroup, a channel…).
type Object struct {
	ID   ObjID   `json:"id"`
	Kind ObjKind `json:"kind"`
	Name string  `json:"name"`           // the program's variable ("wg", "jobs", "d.mu") or, unnamed, e.g. "waitgroup 2"
	Line int32   `json:"line,omitempty"` // where it was first used
	Cap  int64   `json:"cap,omitempty"`  // channel capacity, semaphore size, errgroup limit
}

// Event is one thing that happened. Which fields are meaningful depends on
// Kind; unused fields are zero.
type Event struct {
	Seq   int32  `json:"seq"`
	Time  Time   `json:"time,omitempty"`
	G     GoID   `json:"g"`
	Kind  Kind   `json:"kind"`
	Line  int32  `json:"line,omitempty"`
	Obj   ObjID  `json:"obj,omitempty"`
	Peer  GoID   `json:"peer,omitempty"`
	State State  `json:"state,omitempty"`
	Delta int64  `json:"delta,omitempty"`
	Value int64  `json:"value,omitempty"`
	Text  string `json:"text,omitempty"`
}

// Leak says why a goroutine leaked.
type Leak struct {
	G      GoID   `json:"g"`
	Obj    ObjID  `json:"obj,omitempty"` // what it was blocked on, if anything
	Reason string `json:"reason"`        // e.g. "chan receive", "running forever"
	Line   int32  `json:"line,omitempty"`
}

// Race is a data race: two accesses to the same variable, at least one a
// write, by two goroutines, neither happening before the other under the
// Go memory model. It is recorded even when events are not.
type Race struct {
	Var       string `json:"var"`  // the variable as the program spells it: "counter", "m", "s.n"
	G         GoID   `json:"g"`    // the goroutine whose access found the race
	Line      int32  `json:"line"` // its line
	Write     bool   `json:"write,omitempty"`
	PrevG     GoID   `json:"prevG"`
	PrevLine  int32  `json:"prevLine"`
	PrevWrite bool   `json:"prevWrite,omitempty"`
	Addr      uint64 `json:"addr"` // a made-up address, the same for the same variable within a run
}

// Outcome is how a run ended.
type Outcome struct {
	Exit     ExitKind `json:"exit"`
	Code     int      `json:"code,omitempty"`   // the process exit status Go would give
	Output   string   `json:"output,omitempty"` // everything printed to stdout
	Stderr   string   `json:"stderr,omitempty"` // Go's panic or fatal error text
	Killed   []GoID   `json:"killed,omitempty"` // killed at exit, not leaked
	Leaked   []Leak   `json:"leaked,omitempty"`
	Duration Time     `json:"duration,omitempty"`
	Races    []Race   `json:"races,omitempty"` // data races found, each pair of accesses (lines, read or write) once, as Go's race detector reports each pair of stacks once
	Slips    int      `json:"slips,omitempty"` // time slips (timers that fired late, as on a busy machine); 0: every timer on time
	PeakLive int      `json:"peakLive"`        // most goroutines alive at once
	Steps    int      `json:"steps"`           // events recorded
}

// Trace is one run of one program.
type Trace struct {
	Version    int         `json:"version"`
	Program    string      `json:"program,omitempty"`
	Strategy   string      `json:"strategy,omitempty"`
	Seed       int64       `json:"seed"`
	Goroutines []Goroutine `json:"goroutines"`
	Objects    []Object    `json:"objects,omitempty"`
	Events     []Event     `json:"events"`
	Choices    []int       `json:"choices,omitempty"` // every scheduling decision with more than one option
	Outcome    Outcome     `json:"outcome"`
}

// Goroutine returns the goroutine with the given id, or nil.
func (t *Trace) Goroutine(id GoID) *Goroutine {
	if i := int(id) - 1; i >= 0 && i < len(t.Goroutines) && t.Goroutines[i].ID == id {
		return &t.Goroutines[i]
	}
	for i := range t.Goroutines {
		if t.Goroutines[i].ID == id {
			return &t.Goroutines[i]
		}
	}
	return nil
}

// Object returns the object with the given id, or nil.
func (t *Trace) Object(id ObjID) *Object {
	if i := int(id) - 1; i >= 0 && i < len(t.Objects) && t.Objects[i].ID == id {
		return &t.Objects[i]
	}
	for i := range t.Objects {
		if t.Objects[i].ID == id {
			return &t.Objects[i]
		}
	}
	return nil
}
