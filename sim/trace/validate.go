package trace

import (
	"fmt"
	"slices"
	"strings"
)

// Validate checks the invariants every consumer of a trace may rely on:
//
//   - goroutines are numbered 1..N, main first, each parent created earlier;
//     objects are numbered 1..M;
//   - events are numbered 0..len-1, time never goes back, and every id an
//     event names exists;
//   - state changes are legal (see State), a goroutine's first state follows
//     its go event, at most one goroutine is Running at a time, and every
//     event other than a state change, or a timer, a cancellation or a go
//     by the clock, is done by the Running goroutine;
//   - a WaitGroup's counter after Add equals the counter before plus the
//     delta, and goes negative only when the goroutine then panics with Go's
//     "negative WaitGroup counter";
//   - a race event names two different goroutines, the earlier one's line
//     (Value) and the variable (Text), and its Delta has only the bits
//     RaceWrite and RacePrevWrite, at least one of them; every entry of
//     Outcome.Races is likewise well formed;
//   - a finished run ends with an exit event at Outcome.Duration; every
//     goroutine is then Done, Killed or Leaked, and Outcome.Killed and
//     Outcome.Leaked list exactly the Killed and Leaked ones, and
//     Outcome.Slips counts the time slip events.
func Validate(t *Trace) error {
	if t.Version < 1 || t.Version > Version {
		return fmt.Errorf("version %d, want 1 to %d", t.Version, Version)
	}
	if len(t.Goroutines) == 0 || t.Goroutines[0].Name == "" {
		return fmt.Errorf("no main goroutine")
	}
	for i, g := range t.Goroutines {
		if g.ID != GoID(i+1) {
			return fmt.Errorf("goroutine %d has id %d", i+1, g.ID)
		}
		if i > 0 && (g.Parent < 1 || g.Parent >= g.ID) {
			return fmt.Errorf("goroutine %d: parent %d not created before it", g.ID, g.Parent)
		}
	}
	for i, o := range t.Objects {
		if o.ID != ObjID(i+1) || o.Kind == ObjNone || o.Kind >= numObjKinds {
			return fmt.Errorf("object %d: bad id %d or kind %v", i+1, o.ID, o.Kind)
		}
	}
	state := make([]State, len(t.Goroutines)+1)
	created := make([]bool, len(t.Goroutines)+1)
	created[1] = true
	counters := map[ObjID]int64{}
	running := NoGoroutine
	var last Time
	for i, e := range t.Events {
		if e.Seq != int32(i) {
			return fmt.Errorf("event %d has seq %d", i, e.Seq)
		}
		if e.Time < last {
			return fmt.Errorf("event %d: time goes back from %v to %v", i, last, e.Time)
		}
		last = e.Time
		if e.Kind == KindNone || e.Kind >= numKinds {
			return fmt.Errorf("event %d: bad kind %v", i, e.Kind)
		}
		if int(e.G) >= len(state) || e.G < 0 || (e.G == NoGoroutine && !clockEvent(e.Kind)) {
			return fmt.Errorf("event %d (%v): bad goroutine %d", i, e.Kind, e.G)
		}
		if int(e.Peer) >= len(state) || e.Peer < 0 {
			return fmt.Errorf("event %d (%v): bad peer %d", i, e.Kind, e.Peer)
		}
		if int(e.Obj) > len(t.Objects) || e.Obj < 0 {
			return fmt.Errorf("event %d (%v): bad object %d", i, e.Kind, e.Obj)
		}
		switch e.Kind {
		case KindState:
			if !created[e.G] {
				return fmt.Errorf("event %d: goroutine %d changes state before its go event", i, e.G)
			}
			from := state[e.G]
			if !legal(from, e.State) {
				return fmt.Errorf("event %d: goroutine %d goes from %v to %v", i, e.G, from, e.State)
			}
			if e.State == StateRunning {
				if running != NoGoroutine && running != e.G {
					return fmt.Errorf("event %d: goroutine %d runs while %d is running", i, e.G, running)
				}
				running = e.G
			} else if running == e.G {
				running = NoGoroutine
			}
			state[e.G] = e.State
			continue
		case KindGo:
			if e.Peer == NoGoroutine || created[e.Peer] {
				return fmt.Errorf("event %d: go event for goroutine %d", i, e.Peer)
			}
			created[e.Peer] = true
		case KindTimeSlip:
			if e.G != NoGoroutine || e.Delta < 0 {
				return fmt.Errorf("event %d: time slip by %v on goroutine %d, want a forward jump of the clock", i, Time(e.Delta), e.G)
			}
		case KindWGAdd:
			c := counters[e.Obj] + e.Delta
			if c != e.Value {
				return fmt.Errorf("event %d: counter %d%+d gives %d, not %d", i, counters[e.Obj], e.Delta, c, e.Value)
			}
			if c < 0 && !panics(t.Events[i:], e.G, "negative WaitGroup counter") {
				return fmt.Errorf("event %d: counter goes negative without Go's panic", i)
			}
			counters[e.Obj] = c
		case KindRace:
			if err := checkRace(e.G, e.Peer, e.Value, e.Text, e.Delta&RaceWrite != 0, e.Delta&RacePrevWrite != 0); err != nil || e.Delta&^(RaceWrite|RacePrevWrite) != 0 {
				return fmt.Errorf("event %d: bad race (%v, delta %d)", i, err, e.Delta)
			}
		}
		if e.G != NoGoroutine && e.Kind != KindExit && e.G != running {
			return fmt.Errorf("event %d (%v): goroutine %d is not running (%d is)", i, e.Kind, e.G, running)
		}
	}
	if t.Outcome.Exit == ExitNone {
		return nil
	}
	n := len(t.Events)
	if n == 0 || t.Events[n-1].Kind != KindExit {
		return fmt.Errorf("run ended (%v) without an exit event", t.Outcome.Exit)
	}
	if t.Outcome.Duration != last {
		return fmt.Errorf("duration %v, last event at %v", t.Outcome.Duration, last)
	}
	if t.Outcome.Steps != n {
		return fmt.Errorf("steps %d, events %d", t.Outcome.Steps, n)
	}
	if slips := countKind(t.Events, KindTimeSlip); t.Outcome.Slips != slips {
		return fmt.Errorf("outcome counts %d time slips, events %d", t.Outcome.Slips, slips)
	}
	for i, rc := range t.Outcome.Races {
		if err := checkRace(rc.G, rc.PrevG, int64(rc.PrevLine), rc.Var, rc.Write, rc.PrevWrite); err != nil || int(rc.G) >= len(state) || int(rc.PrevG) >= len(state) {
			return fmt.Errorf("race %d: %v", i, err)
		}
	}
	var killed, leaked []GoID
	for id := 1; id < len(state); id++ {
		switch state[id] {
		case StateDone:
		case StateKilled:
			killed = append(killed, GoID(id))
		case StateLeaked:
			leaked = append(leaked, GoID(id))
		default:
			return fmt.Errorf("goroutine %d is still %v after the exit", id, state[id])
		}
	}
	if !slices.Equal(killed, t.Outcome.Killed) {
		return fmt.Errorf("killed goroutines %v, outcome says %v", killed, t.Outcome.Killed)
	}
	var lk []GoID
	for _, l := range t.Outcome.Leaked {
		lk = append(lk, l.G)
	}
	if !slices.Equal(leaked, lk) {
		return fmt.Errorf("leaked goroutines %v, outcome says %v", leaked, lk)
	}
	return nil
}

// checkRace checks the fields of a race.
func checkRace(g, prev GoID, prevLine int64, name string, write, prevWrite bool) error {
	switch {
	case g == NoGoroutine || prev == NoGoroutine || g == prev:
		return fmt.Errorf("goroutines %d and %d", g, prev)
	case name == "":
		return fmt.Errorf("no variable")
	case prevLine < 0:
		return fmt.Errorf("line %d", prevLine)
	case !write && !prevWrite:
		return fmt.Errorf("two reads")
	}
	return nil
}

// panics reports whether g panics with text in events.
func panics(events []Event, g GoID, text string) bool {
	for _, e := range events {
		if e.Kind == KindPanic && e.G == g && strings.Contains(e.Text, text) {
			return true
		}
	}
	return false
}

// clockEvent reports whether events of kind k may happen with no goroutine:
// the clock fires timers, cancels contexts by deadline and starts the
// goroutines of time.AfterFunc.
func clockEvent(k Kind) bool {
	return k == KindTimer || k == KindCancel || k == KindExit || k == KindGo || k == KindTimeSlip
}

func legal(from, to State) bool {
	switch to {
	case StateRunnable:
		return from == StateNone || from == StateRunning || from == StateBlocked || from == StateSleeping
	case StateRunning:
		return from == StateRunnable || from == StateNone
	case StateBlocked, StateSleeping, StateDone:
		return from == StateRunning
	case StateKilled, StateLeaked:
		return from.Alive()
	}
	return false
}

// countKind is how many of events are of kind k.
func countKind(events []Event, k Kind) int {
	n := 0
	for _, e := range events {
		if e.Kind == k {
			n++
		}
	}
	return n
}
