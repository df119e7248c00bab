package trace

import "fmt"

// Kind is the kind of an event.
type Kind uint8

// Event kinds. For each, the fields it uses besides Seq, Time, G and Line.
const (
	KindNone     Kind = iota
	KindState         // State; Obj and Text say what a Blocked goroutine waits on
	KindStmt          // a statement started (Line); for line stepping
	KindGo            // go statement: Peer is the new goroutine
	KindWGAdd         // WaitGroup Add or Done: Obj, Delta, Value = counter after
	KindWGWait        // Wait called: Obj, Value = counter at the call
	KindWGReturn      // Wait returned: Obj
	KindLock          // Mutex/RWMutex acquired: Obj, Text "Lock" or "RLock"
	KindUnlock        // Mutex/RWMutex released: Obj, Text "Unlock" or "RUnlock"
	KindOnce          // Once.Do ran its function: Obj
	KindMake          // channel made: Obj
	KindSend          // value sent: Obj, Text = value, Peer = receiver if handed over directly, Value = buffer length after
	KindRecv          // value received: Obj, Text = value, Peer = sender if handed over directly, Value = buffer length after, Delta = 0 if the channel was closed (ok == false) else 1
	KindClose         // channel closed: Obj
	KindSelect        // select chose: Value = case index (-1 for default), Obj = its channel
	KindSleep         // time.Sleep: Delta = duration
	KindTimer         // a timer or ticker fired: Obj = its channel
	KindPrint         // output to stdout: Text
	KindPanic         // panic: Text = Go's text of the value
	KindRecover       // recover returned a panic: Text
	KindCancel        // a context was cancelled: Obj, Text = cause
	KindAcquire       // semaphore acquired, or an errgroup slot taken: Obj, Delta = weight, Value = in use after
	KindRelease       // semaphore released, or an errgroup slot freed: Obj, Delta = weight, Value = in use after
	KindExit          // the program ended (the last event of a run): Text = why
	KindTimeSlip      // time slipped: the clock jumped to the next timer while goroutines were runnable (no goroutine; Delta = the jump, 0 when timers due now fire before runnable goroutines)
	KindRace          // a data race: this access (G, Line) and the previous one (Peer, Value = its line) are not ordered by happens-before; Text = the variable, Delta = RaceWrite if this access writes + RacePrevWrite if the previous one did
	numKinds
)

var kindNames = [...]string{
	KindNone: "none", KindState: "state", KindStmt: "stmt", KindGo: "go",
	KindWGAdd: "wg.add", KindWGWait: "wg.wait", KindWGReturn: "wg.return",
	KindLock: "lock", KindUnlock: "unlock", KindOnce: "once", KindMake: "make",
	KindSend: "send", KindRecv: "recv", KindClose: "close", KindSelect: "select",
	KindSleep: "sleep", KindTimer: "timer", KindPrint: "print", KindPanic: "panic",
	KindRecover: "recover", KindCancel: "cancel", KindAcquire: "acquire",
	KindRelease: "release", KindExit: "exit", KindTimeSlip: "timeslip", KindRace: "race",
}

// Bits of a KindRace event's Delta: which of its two accesses write.
const (
	RaceWrite     = 1 // the access that found the race is a write
	RacePrevWrite = 2 // the earlier access is a write
)

func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return marshalEnum(k.String(), k < numKinds, "Kind") }

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	return unmarshalEnum(b, kindNames[:], (*uint8)(k), "kind")
}

// State is the state of a goroutine.
type State uint8

// Goroutine states. Legal changes: Runnable→Running; Running→Runnable,
// Blocked, Sleeping, Done; Blocked and Sleeping→Runnable; and, when the
// program ends, any live state→Killed or Leaked.
const (
	StateNone     State = iota
	StateRunnable       // could run, waiting for its turn
	StateRunning        // has the turn
	StateBlocked        // waits on an object (Obj, Text)
	StateSleeping       // waits for the clock
	StateDone           // returned
	StateKilled         // alive when the program ended
	StateLeaked         // alive when the program ended, and would never have finished
	numStates
)

var stateNames = [...]string{
	StateNone: "none", StateRunnable: "runnable", StateRunning: "running",
	StateBlocked: "blocked", StateSleeping: "sleeping", StateDone: "done",
	StateKilled: "killed", StateLeaked: "leaked",
}

func (s State) String() string {
	if s < numStates {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", uint8(s))
}

// Alive reports whether a goroutine in state s has not ended.
func (s State) Alive() bool { return s >= StateRunnable && s <= StateSleeping }

// MarshalText writes the state's name.
func (s State) MarshalText() ([]byte, error) { return marshalEnum(s.String(), s < numStates, "State") }

// UnmarshalText reads a state's name.
func (s *State) UnmarshalText(b []byte) error {
	return unmarshalEnum(b, stateNames[:], (*uint8)(s), "state")
}

// ObjKind is the kind of a synchronisation object.
type ObjKind uint8

// Object kinds.
const (
	ObjNone ObjKind = iota
	ObjWaitGroup
	ObjChan
	ObjMutex
	ObjRWMutex
	ObjOnce
	ObjTimer   // a time.Timer, time.After or time.Ticker channel
	ObjContext // a cancelable context
	ObjGroup   // an errgroup.Group
	ObjSemaphore
	numObjKinds
)

var objKindNames = [...]string{
	ObjNone: "none", ObjWaitGroup: "waitgroup", ObjChan: "chan", ObjMutex: "mutex",
	ObjRWMutex: "rwmutex", ObjOnce: "once", ObjTimer: "timer", ObjContext: "context",
	ObjGroup: "errgroup", ObjSemaphore: "semaphore",
}

func (k ObjKind) String() string {
	if k < numObjKinds {
		return objKindNames[k]
	}
	return fmt.Sprintf("ObjKind(%d)", uint8(k))
}

// MarshalText writes the object kind's name.
func (k ObjKind) MarshalText() ([]byte, error) {
	return marshalEnum(k.String(), k < numObjKinds, "ObjKind")
}

// UnmarshalText reads an object kind's name.
func (k *ObjKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(b, objKindNames[:], (*uint8)(k), "object kind")
}

// ExitKind is how a program ended.
type ExitKind uint8

// Exit kinds.
const (
	ExitNone        ExitKind = iota
	ExitOK                   // main returned
	ExitOS                   // os.Exit was called (Code)
	ExitDeadlock             // fatal error: all goroutines are asleep - deadlock!
	ExitPanic                // a panic nobody recovered
	ExitFatal                // another fatal error (e.g. sync: unlock of unlocked mutex)
	ExitStepLimit            // stopped after the step limit
	ExitOutputLimit          // stopped: the output went over its limit
	ExitCancelled            // stopped: whoever asked for the run no longer wants it (Options.Cancel)
	numExitKinds
)

var exitNames = [...]string{
	ExitNone: "none", ExitOK: "ok", ExitOS: "exit", ExitDeadlock: "deadlock",
	ExitPanic: "panic", ExitFatal: "fatal", ExitStepLimit: "steplimit",
	ExitOutputLimit: "outputlimit", ExitCancelled: "cancelled",
}

func (k ExitKind) String() string {
	if k < numExitKinds {
		return exitNames[k]
	}
	return fmt.Sprintf("ExitKind(%d)", uint8(k))
}

// MarshalText writes the exit kind's name.
func (k ExitKind) MarshalText() ([]byte, error) {
	return marshalEnum(k.String(), k < numExitKinds, "ExitKind")
}

// UnmarshalText reads an exit kind's name.
func (k *ExitKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(b, exitNames[:], (*uint8)(k), "exit kind")
}

func marshalEnum(name string, ok bool, typ string) ([]byte, error) {
	if !ok {
		return nil, fmt.Errorf("trace: invalid %s %s", typ, name)
	}
	return []byte(name), nil
}

func unmarshalEnum(b []byte, names []string, dst *uint8, what string) error {
	for i, n := range names {
		if n == string(b) {
			*dst = uint8(i)
			return nil
		}
	}
	return fmt.Errorf("trace: unknown %s %q", what, b)
}
