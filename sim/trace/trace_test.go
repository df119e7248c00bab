package trace_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// sample is a small valid trace: main spawns a worker, waits for it.
func sample() *trace.Trace {
	ev := func(g trace.GoID, k trace.Kind, f func(*trace.Event)) trace.Event {
		e := trace.Event{G: g, Kind: k}
		if f != nil {
			f(&e)
		}
		return e
	}
	st := func(g trace.GoID, s trace.State) trace.Event {
		return ev(g, trace.KindState, func(e *trace.Event) { e.State = s })
	}
	t := &trace.Trace{
		Version: trace.Version, Program: "main.go", Strategy: "runtime", Seed: 1,
		Goroutines: []trace.Goroutine{{ID: 1, Name: "main", Func: "main.main"}, {ID: 2, Name: "worker", Parent: 1, Line: 7}},
		Objects:    []trace.Object{{ID: 1, Kind: trace.ObjWaitGroup, Name: "wg"}},
		Events: []trace.Event{
			st(1, trace.StateRunnable), st(1, trace.StateRunning),
			ev(1, trace.KindWGAdd, func(e *trace.Event) { e.Obj, e.Delta, e.Value = 1, 1, 1 }),
			ev(1, trace.KindGo, func(e *trace.Event) { e.Peer, e.Line = 2, 7 }),
			st(2, trace.StateRunnable),
			ev(1, trace.KindWGWait, func(e *trace.Event) { e.Obj, e.Value = 1, 1 }),
			st(1, trace.StateBlocked), st(2, trace.StateRunning),
			ev(2, trace.KindPrint, func(e *trace.Event) { e.Text = "hi <b>\n" }),
			ev(2, trace.KindWGAdd, func(e *trace.Event) { e.Obj, e.Delta, e.Value = 1, -1, 0 }),
			st(1, trace.StateRunnable), st(2, trace.StateDone), st(1, trace.StateRunning),
			ev(1, trace.KindWGReturn, func(e *trace.Event) { e.Obj = 1 }),
			st(1, trace.StateDone),
			ev(0, trace.KindExit, func(e *trace.Event) { e.Text = "main returned" }),
		},
		Outcome: trace.Outcome{Exit: trace.ExitOK, Output: "hi <b>\n", PeakLive: 2},
	}
	for i := range t.Events {
		t.Events[i].Seq = int32(i)
	}
	t.Outcome.Steps = len(t.Events)
	return t
}

func TestRoundTrip(t *testing.T) {
	tr := sample()
	if err := trace.Validate(tr); err != nil {
		t.Fatalf("Validate(sample): %v", err)
	}
	var a bytes.Buffer
	if err := trace.Encode(&a, tr); err != nil {
		t.Fatal(err)
	}
	back, err := trace.Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	var b bytes.Buffer
	trace.Encode(&b, back)
	if a.String() != b.String() {
		t.Errorf("round trip differs:\n%s\n%s", a.String(), b.String())
	}
	if !strings.Contains(a.String(), `"kind":"wg.add"`) || !strings.Contains(a.String(), `"text":"hi <b>\n"`) {
		t.Errorf("enums or text not encoded by name: %s", a.String())
	}
}

func TestRaceRoundTrip(t *testing.T) {
	tr := sample()
	tr.Events[8] = trace.Event{Seq: 8, G: 2, Kind: trace.KindRace, Line: 14, Peer: 1, Value: 9, Text: "counter", Delta: trace.RaceWrite | trace.RacePrevWrite}
	tr.Outcome.Output = ""
	tr.Outcome.Races = []trace.Race{{Var: "counter", G: 2, Line: 14, Write: true, PrevG: 1, PrevLine: 9, PrevWrite: true, Addr: 0xc000012000}}
	if err := trace.Validate(tr); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	b, err := trace.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"kind":"race"`) || !strings.Contains(string(b), `"races":[{"var":"counter"`) {
		t.Errorf("race not encoded: %s", b)
	}
	back, err := trace.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if b2, _ := trace.Marshal(back); string(b2) != string(b) {
		t.Errorf("round trip differs:\n%s\n%s", b, b2)
	}
}

func TestDecodeRefuses(t *testing.T) {
	tests := []struct{ desc, json, want string }{
		{"other version", `{"version":9,"goroutines":[],"events":[],"outcome":{"exit":"ok","peakLive":0,"steps":0}}`, "version 9"},
		{"unknown field", `{"version":1,"bogus":1}`, "unknown field"},
		{"version 0", `{"version":0,"goroutines":[],"events":[],"outcome":{"exit":"ok","peakLive":0,"steps":0}}`, "version 0"},
		{"unknown kind", `{"version":1,"events":[{"seq":0,"g":1,"kind":"teleport"}]}`, `unknown kind "teleport"`},
		{"not json", `{`, "decode"},
	}
	for _, tc := range tests {
		_, err := trace.Unmarshal([]byte(tc.json))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tc.desc, err, tc.want)
		}
	}
}

func TestValidateCatches(t *testing.T) {
	tests := []struct {
		desc   string
		break_ func(*trace.Trace)
		want   string
	}{
		{"time goes back", func(t *trace.Trace) { t.Events[3].Time = 5 }, "time goes back"},
		{"bad seq", func(t *trace.Trace) { t.Events[2].Seq = 7 }, "has seq 7"},
		{"illegal transition", func(t *trace.Trace) { t.Events[7].State = trace.StateSleeping }, "goes from runnable to sleeping"},
		{"two running", func(t *trace.Trace) {
			t.Events[6].G, t.Events[7].G = 2, 1
			t.Events[6].State, t.Events[7].State = trace.StateRunning, trace.StateBlocked
		}, "runs while 1 is running"},
		{"counter arithmetic", func(t *trace.Trace) { t.Events[9].Value = 5 }, "gives 0, not 5"},
		{"negative without panic", func(t *trace.Trace) { t.Events[9].Delta, t.Events[9].Value = -2, -1 }, "negative without Go's panic"},
		{"event by a goroutine not running", func(t *trace.Trace) { t.Events[8].G = 1 }, "is not running"},
		{"unknown object", func(t *trace.Trace) { t.Events[2].Obj = 9 }, "bad object 9"},
		{"missing exit", func(t *trace.Trace) { t.Events = t.Events[:len(t.Events)-1]; t.Outcome.Steps-- }, "without an exit event"},
		{"killed list wrong", func(t *trace.Trace) { t.Outcome.Killed = []trace.GoID{2} }, "killed goroutines"},
		{"steps wrong", func(t *trace.Trace) { t.Outcome.Steps = 3 }, "steps 3"},
		{"slips not counted", func(t *trace.Trace) { t.Outcome.Slips = 1 }, "1 time slips, events 0"},
		{"time slip on a goroutine", func(t *trace.Trace) { t.Events[8].Kind, t.Events[8].Delta = trace.KindTimeSlip, 5 }, "time slip"},
		{"time slip backwards", func(t *trace.Trace) {
			t.Events[8].Kind, t.Events[8].G, t.Events[8].Delta = trace.KindTimeSlip, trace.NoGoroutine, -1
		}, "time slip"},
		{"race with itself", func(t *trace.Trace) {
			t.Events[8] = trace.Event{Seq: 8, G: 2, Kind: trace.KindRace, Peer: 2, Value: 5, Text: "n", Delta: trace.RaceWrite}
		}, "bad race"},
		{"race of two reads", func(t *trace.Trace) {
			t.Events[8] = trace.Event{Seq: 8, G: 2, Kind: trace.KindRace, Peer: 1, Value: 5, Text: "n"}
		}, "two reads"},
		{"race on nothing", func(t *trace.Trace) {
			t.Events[8] = trace.Event{Seq: 8, G: 2, Kind: trace.KindRace, Peer: 1, Value: 5, Delta: trace.RaceWrite}
		}, "no variable"},
		{"outcome race of one goroutine", func(t *trace.Trace) {
			t.Outcome.Races = []trace.Race{{Var: "n", G: 2, PrevG: 2, Write: true}}
		}, "race 0"},
		{"child before go", func(t *trace.Trace) {
			t.Events[3], t.Events[4] = t.Events[4], t.Events[3]
			t.Events[3].Seq, t.Events[4].Seq = 3, 4
		}, "before its go event"},
	}
	for _, tc := range tests {
		tr := sample()
		tc.break_(tr)
		err := trace.Validate(tr)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Validate = %v, want an error mentioning %q", tc.desc, err, tc.want)
		}
	}
}

func TestEnumNames(t *testing.T) {
	for k := trace.KindNone; k < 30; k++ {
		b, err := k.MarshalText()
		if strings.HasPrefix(k.String(), "Kind(") {
			if err == nil {
				t.Errorf("kind %d marshals to %q", k, b)
			}
			continue
		}
		var back trace.Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("kind %v: round trip gave %v, %v", k, back, err)
		}
	}
	if got, want := trace.Time(1500e6).String(), "1.5s"; got != want {
		t.Errorf("Time.String = %q, want %q", got, want)
	}
}

func ExampleValidate() {
	tr := sample()
	fmt.Println(trace.Validate(tr))
	tr.Events[9].Value = 3
	fmt.Println(trace.Validate(tr))
	// Output:
	// <nil>
	// event 9: counter 1-1 gives 0, not 3
}
