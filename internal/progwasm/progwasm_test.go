package progwasm

import (
	"encoding/json"
	"strings"
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// Twins written by hand, as the rewriter would write them.
func workers() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		sim.Go("worker", func() {
			defer wg.Done()
			fmt.Println("worker", i)
		})
	}
	wg.Wait()
	fmt.Println("done")
}

func forever() {
	for {
		time.Sleep(time.Millisecond)
	}
}

func flood() {
	line := strings.Repeat("x", 1023) + "\n"
	for {
		fmt.Print(line)
	}
}

func TestRun(t *testing.T) {
	m := New(workers, "main.go")
	tests := []struct {
		desc    string
		req     string
		exit    trace.ExitKind
		output  string
		wantErr string
	}{
		{desc: "defaults: runtime, seed 1", req: ``, exit: trace.ExitOK,
			output: "worker 2\nworker 0\nworker 1\ndone\n"},
		{desc: "a seed and a strategy", req: `{"seed":7,"strategy":"random"}`, exit: trace.ExitOK},
		{desc: "a seed of 0 is a seed", req: `{"seed":0,"strategy":"pct"}`, exit: trace.ExitOK},
		{desc: "a step limit", req: `{"steps":5}`, exit: trace.ExitStepLimit},
		{desc: "unknown strategy", req: `{"strategy":"fifo"}`, wantErr: `unknown strategy "fifo"`},
		{desc: "negative steps", req: `{"steps":-1}`, wantErr: "steps must not be negative"},
		{desc: "bad replay", req: `{"replay":[0,-2]}`, wantErr: "-2 is not a choice index"},
		{desc: "malformed JSON", req: `{"seed":`, wantErr: "bad request"},
		{desc: "a seed that is not a number", req: `{"seed":"x"}`, wantErr: "bad request"},
	}
	for _, tt := range tests {
		b, err := m.RunJSON([]byte(tt.req))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: err = %v, want %q", tt.desc, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.desc, err)
			continue
		}
		tr, err := trace.Unmarshal(b)
		if err != nil {
			t.Errorf("%s: the trace does not decode: %v", tt.desc, err)
			continue
		}
		if err := trace.Validate(tr); err != nil {
			t.Errorf("%s: Validate: %v", tt.desc, err)
		}
		if got := tr.Outcome.Exit; got != tt.exit {
			t.Errorf("%s: exit %v, want %v", tt.desc, got, tt.exit)
		}
		if tt.output != "" && tr.Outcome.Output != tt.output {
			t.Errorf("%s: output %q, want %q", tt.desc, tr.Outcome.Output, tt.output)
		}
		if tr.Program != "main.go" {
			t.Errorf("%s: program %q, want main.go", tt.desc, tr.Program)
		}
	}
}

// The same request gives the same bytes (determinism through the bridge).
func TestRunDeterministic(t *testing.T) {
	m := New(workers, "main.go")
	a, err1 := m.RunJSON([]byte(`{"seed":3,"strategy":"random"}`))
	b, err2 := m.RunJSON([]byte(`{"seed":3,"strategy":"random"}`))
	if err1 != nil || err2 != nil || string(a) != string(b) {
		t.Errorf("two runs of one request differ (%v, %v)", err1, err2)
	}
}

// A program that never ends, or prints megabytes, ends at a limit
// whatever the request asks.
func TestRunLimits(t *testing.T) {
	tests := []struct {
		desc string
		prog func()
		req  RunRequest
		exit trace.ExitKind
		max  int // most output bytes kept
	}{
		{desc: "never ends", prog: forever, exit: trace.ExitStepLimit},
		{desc: "prints megabytes", prog: flood, exit: trace.ExitOutputLimit, max: DefaultOutput},
		{desc: "prints megabytes, asks for a smaller limit", prog: flood, req: RunRequest{Output: 4096}, exit: trace.ExitOutputLimit, max: 4096},
	}
	for _, tt := range tests {
		b, err := New(tt.prog, "main.go").Run(tt.req)
		if err != nil {
			t.Errorf("%s: %v", tt.desc, err)
			continue
		}
		tr, err := trace.Unmarshal(b)
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		if got := tr.Outcome.Exit; got != tt.exit {
			t.Errorf("%s: exit %v, want %v", tt.desc, got, tt.exit)
		}
		if tt.max > 0 && len(tr.Outcome.Output) > tt.max {
			t.Errorf("%s: %d bytes of output kept, want at most %d", tt.desc, len(tr.Outcome.Output), tt.max)
		}
		if got := tr.Outcome.Steps; got > MaxSteps {
			t.Errorf("%s: %d steps, want at most %d", tt.desc, got, MaxSteps)
		}
	}
}

// A requested limit is capped; 0 is the default; a negative one is refused.
func TestLimit(t *testing.T) {
	tests := []struct {
		desc        string
		n, def, max int
		want        int
		wantErr     bool
	}{
		{desc: "default", n: 0, def: 10, max: 100, want: 10},
		{desc: "asked", n: 50, def: 10, max: 100, want: 50},
		{desc: "capped", n: 1 << 40, def: 10, max: 100, want: 100},
		{desc: "negative", n: -1, def: 10, max: 100, wantErr: true},
	}
	for _, tt := range tests {
		got, err := limit("steps", tt.n, tt.def, tt.max)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("%s: limit(%d) = %d, %v; want %d (error %v)", tt.desc, tt.n, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestExplore(t *testing.T) {
	m := New(workers, "main.go")
	var calls [][2]int
	b, err := m.ExploreJSON([]byte(`{"runs":200,"chunk":50}`), func(done, total int) bool {
		calls = append(calls, [2]int{done, total})
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	var rep sim.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Runs != 200 || rep.Strategy != "random" || len(rep.Outcomes) < 2 {
		t.Errorf("report: %d runs of %s, %d outcomes; want 200 of random, several outcomes", rep.Runs, rep.Strategy, len(rep.Outcomes))
	}
	want := [][2]int{{50, 200}, {100, 200}, {150, 200}, {200, 200}} // every chunk, the last when done
	if len(calls) != len(want) {
		t.Fatalf("progress calls %v, want %v", calls, want)
	}
	for i := range want {
		if calls[i] != want[i] {
			t.Errorf("progress calls %v, want %v", calls, want)
			break
		}
	}
}

func TestExploreStopsWhenAsked(t *testing.T) {
	rep, err := New(workers, "main.go").Explore(ExploreRequest{Runs: 1000, Chunk: 10}, func(done, total int) bool { return done < 30 })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Runs != 30 {
		t.Errorf("stopped after %d runs, want 30", rep.Runs)
	}
}

func TestExploreBadRequests(t *testing.T) {
	m := New(workers, "main.go")
	tests := []struct {
		desc, req, wantErr string
	}{
		{desc: "unknown strategy", req: `{"strategy":"runtime"}`, wantErr: `unknown exploration strategy "runtime"`},
		{desc: "negative runs", req: `{"runs":-5}`, wantErr: "runs must not be negative"},
		{desc: "negative chunk", req: `{"chunk":-1}`, wantErr: "must not be negative"},
		{desc: "not an object", req: `[1,2]`, wantErr: "bad request"},
	}
	for _, tt := range tests {
		if _, err := m.ExploreJSON([]byte(tt.req), nil); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want %q", tt.desc, err, tt.wantErr)
		}
	}
}

// A program that never ends is explored to the end, each run at its limit.
func TestExploreForever(t *testing.T) {
	rep, err := New(forever, "main.go").Explore(ExploreRequest{Runs: 3, Steps: 1000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outcomes) != 1 || rep.Outcomes[0].Exit != trace.ExitStepLimit || rep.Outcomes[0].Count != 3 {
		t.Errorf("outcomes %+v, want 3 runs at the step limit", rep.Outcomes)
	}
}
