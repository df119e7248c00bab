package progmain

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"lanes/sim"
	simfmt "lanes/sim/fmt"
	simos "lanes/sim/os"
	simsync "lanes/sim/sync"
	simtime "lanes/sim/time"
	"lanes/sim/trace"
)

// Hand-written twins, as the rewriter would make them.

// hello: fmt.Println("hi"); fmt.Print("no newline")
func hello() {
	sim.Step(5)
	simfmt.Println("hi")
	sim.Step(6)
	simfmt.Print("no newline")
}

// deadlock: ch := make(chan int); <-ch
func deadlock() {
	sim.Step(5)
	ch := sim.MakeChan[int](0)
	sim.Step(6)
	ch.Recv()
}

// panics: panic("boom")
func panics() {
	sim.Step(5)
	simfmt.Println("before")
	sim.Step(6)
	sim.Panic("boom")
}

// exit3: fmt.Println("bye"); os.Exit(3)
func exit3() {
	sim.Step(5)
	simfmt.Println("bye")
	sim.Step(6)
	simos.Exit(3)
}

// leak: go func() { <-ch }() and main returns.
func leak() {
	sim.Step(5)
	ch := sim.MakeChan[int](0)
	sim.Step(6)
	sim.Go("func1", func() { sim.Step(7); ch.Recv() })
	sim.Step(9)
	simfmt.Println("main returns")
}

// race: two workers print, WaitGroup waits: two outcomes.
func race() {
	var wg simsync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		sim.Go("worker", func() { defer wg.Done(); simfmt.Println("worker", i) })
	}
	wg.Wait()
}

// sleepRace: a worker sleeps 50 ms, main 100 ms: the worker prints first
// unless time slips.
func sleepRace() {
	sim.Go("func1", func() { simtime.Sleep(50 * simtime.Millisecond); simfmt.Println("Finished!") })
	simtime.Sleep(100 * simtime.Millisecond)
	simfmt.Println("Exiting...")
}

// args prints its os.Args.
func args() { simfmt.Println(simos.Args) }

func run(prog func(), args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = Run(prog, "prog.go", args, &o, &e)
	return o.String(), e.String(), code
}

func TestTrace(t *testing.T) {
	tests := []struct {
		desc       string
		prog       func()
		args       []string
		stdout     string
		stderr     []string // substrings, in order
		code       int
		notStderrs string
	}{
		{desc: "ok, output byte for byte", prog: hello, stdout: "hi\nno newline",
			stderr: []string{"lanes: main returned (exit status 0) after 0s", "strategy runtime, seed 1"}},
		{desc: "deadlock", prog: deadlock, code: 2,
			stderr:     []string{"fatal error: all goroutines are asleep - deadlock!\n", "lanes: deadlock (exit status 2)"},
			notStderrs: "killed at exit: main"},
		{desc: "panic", prog: panics, stdout: "before\n", code: 2,
			stderr: []string{"panic: boom\n", "prog.go", "lanes: panic (exit status 2)"}},
		{desc: "os.Exit", prog: exit3, stdout: "bye\n", code: 3, stderr: []string{"lanes: os.Exit(3)"}},
		{desc: "leak", prog: leak, stdout: "main returns\n",
			stderr: []string{"lanes: leaked: func1 (goroutine 2, go at line ", "), chan receive at line "}},
		{desc: "seed and strategy", prog: hello, args: []string{"-seed", "7", "-strategy", "pct"}, stdout: "hi\nno newline",
			stderr: []string{"strategy pct, seed 7"}},
		{desc: "replay", prog: race, args: []string{"-replay", "0"}, stdout: "worker 2\nworker 1\n", stderr: []string{"strategy replay\n"}},
		{desc: "program arguments", prog: args, args: []string{"--", "a", "b"}, stdout: "[prog.go a b]\n"},
		{desc: "unknown strategy", prog: hello, args: []string{"-strategy", "nope"}, code: 1,
			stderr: []string{`unknown strategy "nope"`}},
		{desc: "stray argument", prog: hello, args: []string{"extra"}, code: 1,
			stderr: []string{`unexpected argument "extra"`}},
		{desc: "bad flag", prog: hello, args: []string{"-nope"}, code: 1, stderr: []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(tt.prog, append([]string{"trace"}, tt.args...)...)
		if stdout != tt.stdout {
			t.Errorf("%s: stdout = %q, want %q", tt.desc, stdout, tt.stdout)
		}
		if code != tt.code {
			t.Errorf("%s: exit status = %d, want %d", tt.desc, code, tt.code)
		}
		rest := stderr
		for _, want := range tt.stderr {
			i := strings.Index(rest, want)
			if i < 0 {
				t.Errorf("%s: stderr lacks %q (in order):\n%s", tt.desc, want, stderr)
				break
			}
			rest = rest[i+len(want):]
		}
		if tt.notStderrs != "" && strings.Contains(stderr, tt.notStderrs) {
			t.Errorf("%s: stderr has %q:\n%s", tt.desc, tt.notStderrs, stderr)
		}
	}
}

func TestTraceJSON(t *testing.T) {
	stdout, stderr, code := run(panics, "trace", "-json", "-seed", "3")
	if code != 2 {
		t.Errorf("exit status = %d, want 2 (the program's)", code)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want nothing", stderr)
	}
	tr, err := trace.Unmarshal([]byte(stdout))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if err := trace.Validate(tr); err != nil {
		t.Errorf("validate: %v", err)
	}
	if tr.Program != "prog.go" || tr.Seed != 3 || tr.Outcome.Exit != trace.ExitPanic || tr.Outcome.Output != "before\n" {
		t.Errorf("trace = program %q seed %d exit %v output %q, want prog.go 3 panic \"before\\n\"",
			tr.Program, tr.Seed, tr.Outcome.Exit, tr.Outcome.Output)
	}
}

func TestExplore(t *testing.T) {
	tests := []struct {
		desc     string
		prog     func()
		args     []string
		runs     int
		outcomes map[string]int // output -> exit status
		complete bool
	}{
		{desc: "random finds both orders", prog: race, args: []string{"-runs", "200"}, runs: 200,
			outcomes: map[string]int{"worker 1\nworker 2\n": 0, "worker 2\nworker 1\n": 0}},
		{desc: "pct", prog: race, args: []string{"-runs", "100", "-strategy", "pct"}, runs: 100,
			outcomes: map[string]int{"worker 1\nworker 2\n": 0, "worker 2\nworker 1\n": 0}},
		{desc: "exhaustive without a bound completes", prog: race, args: []string{"-strategy", "exhaustive", "-bound", "-1", "-runs", "100000"}, complete: true,
			outcomes: map[string]int{"worker 1\nworker 2\n": 0, "worker 2\nworker 1\n": 0}},
		{desc: "exhaustive within its bound", prog: race, args: []string{"-strategy", "exhaustive"},
			outcomes: map[string]int{"worker 1\nworker 2\n": 0, "worker 2\nworker 1\n": 0}},
		{desc: "exit status of os.Exit", prog: exit3, args: []string{"-runs", "5"}, runs: 5,
			outcomes: map[string]int{"bye\n": 3}},
		{desc: "exit status of a panic", prog: panics, args: []string{"-runs", "5"}, runs: 5,
			outcomes: map[string]int{"before\n": 2}},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(tt.prog, append([]string{"explore", "-json"}, tt.args...)...)
		if code != 0 {
			t.Errorf("%s: exit status %d, stderr %s", tt.desc, code, stderr)
			continue
		}
		var rep Report
		if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
			t.Errorf("%s: decode: %v\n%s", tt.desc, err, stdout)
			continue
		}
		if tt.runs != 0 && rep.Runs != tt.runs {
			t.Errorf("%s: runs = %d, want %d", tt.desc, rep.Runs, tt.runs)
		}
		if rep.Complete != tt.complete {
			t.Errorf("%s: complete = %v, want %v", tt.desc, rep.Complete, tt.complete)
		}
		got := map[string]int{}
		total := 0
		for _, o := range rep.Outcomes {
			got[o.Output] = o.Code
			total += o.Count
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.outcomes) {
			t.Errorf("%s: outcomes (output: status) = %v, want %v", tt.desc, got, tt.outcomes)
		}
		if total != rep.Runs {
			t.Errorf("%s: counts add up to %d, runs %d", tt.desc, total, rep.Runs)
		}
		// Every outcome's reproduction hint reproduces it.
		for _, o := range rep.Outcomes {
			flags := strings.Fields(reproFlags(rep.Strategy, o.Outcome))
			out, _, _ := run(tt.prog, append([]string{"trace"}, flags...)...)
			if out != o.Output {
				t.Errorf("%s: trace %v printed %q, want %q", tt.desc, flags, out, o.Output)
			}
		}
	}
}

func TestExploreText(t *testing.T) {
	stdout, _, code := run(race, "explore", "-strategy", "exhaustive")
	if code != 0 {
		t.Fatalf("exit status %d", code)
	}
	for _, want := range []string{"every schedule with at most 2 preemptions: 85 runs, 2 outcomes (exhaustive)\n",
		"| worker 1\n", "(lanes trace -replay ", "#1  ok, Go on one CPU, timers on time (the runtime strategy), found in ",
		"(lanes trace -strategy runtime -seed 1 prog.go)", " of 85 schedules", "not how often real Go does it"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explore output lacks %q:\n%s", want, stdout)
		}
	}
	for _, bad := range []string{"%", "every schedule:"} {
		if strings.Contains(stdout, bad) {
			t.Errorf("explore output has %q:\n%s", bad, stdout)
		}
	}
	// Endings found only when time slipped are marked and come last.
	stdout, _, _ = run(sleepRace, "explore", "-strategy", "exhaustive")
	on, late := strings.Index(stdout, "#1  ok, Go on one CPU, timers on time (the runtime strategy)"), strings.Index(stdout, "#2  ok, only if timers fire late, found in ")
	if on < 0 || late < on || strings.Count(stdout, "only if timers fire late") != strings.Count(stdout, "\n#")-1 {
		t.Errorf("explore of a sleep race: want the runtime ending first, then the endings found only when time slipped, marked:\n%s", stdout)
	}
	tests := []struct{ desc, want string }{
		{"-bound -1 -runs 100000", "every schedule: "},
		{"-runs 3", "stopped at the limit of 3 runs; not complete"},
		{"-runs 3 -strategy random", "3 random schedules (the first one the runtime strategy's), "},
	}
	for _, tt := range tests {
		args := append([]string{"explore", "-strategy", "exhaustive"}, strings.Fields(tt.desc)...)
		stdout, _, code := run(race, args...)
		if code != 0 || !strings.Contains(stdout, tt.want) {
			t.Errorf("explore %s: status %d, output lacks %q:\n%s", tt.desc, code, tt.want, stdout)
		}
	}
	if _, stderr, code := run(race, "explore", "-strategy", "exhaustive", "-bound", "0"); code != 1 || !strings.Contains(stderr, "-bound 0") {
		t.Errorf("explore -bound 0: status %d, stderr %q; want a usage error", code, stderr)
	}
}

func TestSVG(t *testing.T) {
	tests := []struct {
		desc string
		args []string
		want string
		code int
	}{
		{desc: "default", want: `<svg`},
		{desc: "dark", args: []string{"-theme", "dark", "-scale", "step", "-width", "640"}, want: `<svg`},
		{desc: "bad theme", args: []string{"-theme", "pink"}, code: 1},
		{desc: "bad scale", args: []string{"-scale", "log"}, code: 1},
	}
	for _, tt := range tests {
		stdout, stderr, code := run(leak, append([]string{"svg"}, tt.args...)...)
		if code != tt.code {
			t.Errorf("%s: exit status %d, want %d (stderr %s)", tt.desc, code, tt.code, stderr)
		}
		if !strings.HasPrefix(stdout, tt.want) {
			t.Errorf("%s: stdout starts %.40q, want %q", tt.desc, stdout, tt.want)
		}
		if tt.code == 0 && !strings.HasSuffix(stdout, "</svg>\n") {
			t.Errorf("%s: stdout does not end with </svg>", tt.desc)
		}
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}} {
		_, stderr, code := run(hello, args...)
		if code != 1 || !strings.Contains(stderr, "usage:") {
			t.Errorf("args %q: exit status %d, stderr %q; want 1 and the usage", args, code, stderr)
		}
	}
}

func Example() {
	// A twin's Main as the rewriter makes it from
	//
	//	func main() { fmt.Println("hello") }
	twinMain := func() {
		sim.Step(6)
		simfmt.Println("hello")
	}
	Run(twinMain, "hello.go", []string{"trace"}, os.Stdout, os.Stdout)
	// Output:
	// hello
	// lanes: main returned (exit status 0) after 0s of virtual time; 1 goroutine (at most 1 at once), 6 steps, strategy runtime, seed 1
}
