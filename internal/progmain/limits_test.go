package progmain

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"lanes/sim"
	simfmt "lanes/sim/fmt"
)

// The test binary doubles as a program built by twinbuild: with
// $PROGMAIN_TEST_PROGRAM set it is Main of that program (a hand-written
// twin below), so that Exec runs it as the lanes command runs programs.
func TestMain(m *testing.M) {
	if name := os.Getenv("PROGMAIN_TEST_PROGRAM"); name != "" {
		Main(testPrograms[name], "prog.go")
	}
	os.Exit(m.Run())
}

var keep [][]byte

var testPrograms = map[string]func(){
	// hog allocates 1 MiB a statement, for ever.
	"hog": func() {
		for {
			sim.Step(5)
			keep = append(keep, make([]byte, 1<<20))
		}
	},
	// huge makes a slice of 64 GiB in one statement.
	"huge": func() {
		sim.Step(5)
		keep = append(keep, make([]byte, 64<<30))
		simfmt.Println(len(keep))
	},
	// recurse never stops calling itself.
	"recurse": func() { recurse(0) },
	// flood prints a line of 1 KiB a statement, for ever.
	"flood": func() {
		line := strings.Repeat("z", 1023) + "\n"
		for {
			sim.Step(5)
			simfmt.Print(line)
		}
	},
	// forever loops, one run after another when explored.
	"forever": func() {
		for i := 0; i < 10; i++ {
			sim.Step(5)
		}
	},
	"hello": hello,
	// spin runs until the step limit.
	"spin": func() {
		for {
			sim.Step(5)
		}
	},
}

func recurse(n int) int {
	sim.Step(7)
	var pad [512]byte
	pad[n%512] = byte(n)
	return recurse(n+1) + int(pad[0])
}

// execTest runs the test program name through Exec.
func execTest(t *testing.T, ctx context.Context, name string, args ...string) (stdout, stderr string, code int, err error) {
	t.Helper()
	t.Setenv("PROGMAIN_TEST_PROGRAM", name)
	var o, e bytes.Buffer
	code, err = Exec(ctx, os.Args[0], args, nil, &o, &e)
	return o.String(), e.String(), code, err
}

func TestLimits(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Exec reports limits through an inherited descriptor")
	}
	steps := "-steps=1000000000"
	tests := []struct {
		desc   string
		prog   string
		args   []string
		stderr string // the whole stderr, or its first line when the run reaches its summary
		stdout int    // bytes
		svg    bool   // exit status 0, as svg always
		linux  bool
	}{
		{desc: "memory, little by little", prog: "hog", args: []string{"trace", steps, "-max-memory", "64MiB"},
			stderr: "lanes: stopped: the program used more than 64 MiB of memory\n"},
		{desc: "memory, at once", prog: "huge", args: []string{"trace", "-max-memory", "64MiB", "-max-stack", "8MiB"},
			stderr: "lanes: stopped: the program used more than 64 MiB of memory\n", linux: true},
		{desc: "stack", prog: "recurse", args: []string{"trace", steps, "-max-stack", "4MiB"},
			stderr: "lanes: stopped: a goroutine's stack went over 4 MiB (deep recursion?)\n"},
		{desc: "output", prog: "flood", args: []string{"trace", steps, "-max-output", "64KiB"}, stdout: 64 << 10,
			stderr: "lanes: stopped: output over 64 KiB\n"},
		{desc: "output of svg", prog: "flood", args: []string{"svg", steps, "-max-output", "1KiB"}, stdout: -1, svg: true,
			stderr: "lanes: stopped at the output limit (exit status 2)"},
	}
	for _, tt := range tests {
		if tt.linux && runtime.GOOS != "linux" {
			continue
		}
		stdout, stderr, code, err := execTest(t, context.Background(), tt.prog, tt.args...)
		if want := map[bool]int{false: 2, true: 0}[tt.svg]; err != nil || code != want {
			t.Errorf("%s: exit status %d (%v), want %d", tt.desc, code, err, want)
		}
		got := stderr
		if strings.Contains(stderr, "\nlanes: ") || tt.stdout != 0 {
			got, _, _ = strings.Cut(stderr, "\n") // then the summary
			got += "\n"
		}
		if !strings.HasPrefix(got, tt.stderr) || strings.Contains(stderr, "goroutine 1 [") {
			t.Errorf("%s: stderr %q, want it to start %q (and no dump)", tt.desc, stderr[:min(len(stderr), 400)], tt.stderr)
		}
		if tt.stdout >= 0 && len(stdout) != tt.stdout {
			t.Errorf("%s: %d bytes of stdout, want %d", tt.desc, len(stdout), tt.stdout)
		}
	}
}

// Within its limits a program's stderr and exit status pass through Exec.
func TestExecPassesThrough(t *testing.T) {
	stdout, stderr, code, err := execTest(t, context.Background(), "hello", "trace")
	if err != nil || code != 0 || stdout != "hi\nno newline" || !strings.HasPrefix(stderr, "lanes: main returned (exit status 0)") {
		t.Errorf("Exec = %d, %v, stdout %q, stderr %q", code, err, stdout, stderr)
	}
	_, stderr, code, _ = execTest(t, context.Background(), "hello", "trace", "-max-memory", "lots")
	if code != 1 || !strings.Contains(stderr, `invalid value "lots" for flag -max-memory`) {
		t.Errorf("bad size: exit status %d, stderr %q", code, stderr)
	}
}

// Exec ends the program when its context is done.
func TestExecCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer func(f func(*os.Process)) { started = f }(started)
	started = func(*os.Process) { cancel() }
	done := make(chan struct{})
	var err error
	go func() {
		_, _, _, err = execTest(t, ctx, "forever", "explore", "-runs", "2000000000")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Minute): // a bound, not a wait: Exec returns long before
		t.Fatal("Exec did not return after its context was cancelled")
	}
	if err == nil {
		t.Errorf("Exec of a cancelled program: err = nil, want the signal")
	}
}

// Explore keeps a bounded sample of each outcome's output.
func TestExploreBoundedOutput(t *testing.T) {
	stdout, stderr, code := run(testPrograms["flood"], "explore", "-json", "-runs", "3", "-max-output", "200KiB")
	if code != 0 {
		t.Fatalf("exit status %d: %s", code, stderr)
	}
	var rep Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Outcomes) != 1 {
		t.Fatalf("%d outcomes, want 1", len(rep.Outcomes))
	}
	o := rep.Outcomes[0]
	if len(o.Output) != sim.SampleLimit || o.OutputBytes != 200<<10 || o.Code != 2 || o.Stderr != "lanes: stopped: output over 200 KiB" {
		t.Errorf("outcome keeps %d bytes of %d, code %d, stderr %q", len(o.Output), o.OutputBytes, o.Code, o.Stderr)
	}
	text, _, _ := run(testPrograms["flood"], "explore", "-runs", "3", "-max-output", "200KiB")
	if want := "    … (the first 64 KiB of 204800 bytes)\n"; !strings.Contains(text, want) {
		t.Errorf("explore's report lacks %q", want)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		want int64
		err  bool
	}{
		{desc: "bytes", in: "1000", want: 1000},
		{desc: "MiB", in: "512MiB", want: 512 << 20},
		{desc: "space and lower case", in: "64 kib", want: 64 << 10},
		{desc: "G", in: "2G", want: 2 << 30},
		{desc: "zero", in: "0", want: 0},
		{desc: "unknown unit", in: "3 parsecs", err: true},
		{desc: "negative", in: "-1MiB", err: true},
		{desc: "no number", in: "MiB", err: true},
		{desc: "overflow", in: "99999999999GiB", err: true},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("%s: parseSize(%q) = %d, %v; want %d, error %v", tt.desc, tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestCrashReport(t *testing.T) {
	const dump = "\ngoroutine 1 gp=0x1 m=0 [running]:\nruntime.throw(...)\n"
	tests := []struct{ desc, in, want string }{
		{desc: "nothing", in: "", want: ""},
		{desc: "only the limits", in: "lanes:limits memory=1024 stack=2048\n", want: ""},
		{desc: "stack overflow",
			in:   "lanes:limits memory=1024 stack=8388608\nruntime: goroutine stack exceeds 8388608-byte limit\nruntime: sp=0x1 stack=[0x1, 0x2]\nfatal error: stack overflow\n" + dump,
			want: "lanes: stopped: a goroutine's stack went over 8 MiB (deep recursion?)\n"},
		{desc: "out of memory",
			in:   "lanes:limits memory=536870912 stack=1\nruntime: out of memory: cannot allocate 4294967296-byte block (3932160 in use)\nfatal error: out of memory\n" + dump,
			want: "lanes: stopped: the program used more than 512 MiB of memory\n"},
		{desc: "out of memory, no limits known", in: "fatal error: out of memory\n" + dump,
			want: "lanes: stopped: the program ran out of memory\n"},
		{desc: "another crash passes", in: "lanes:limits memory=1 stack=1\nfatal error: concurrent map writes\n" + dump,
			want: "fatal error: concurrent map writes\n" + dump},
	}
	for _, tt := range tests {
		if got := crashReport(tt.in); got != tt.want {
			t.Errorf("%s: crashReport = %q, want %q", tt.desc, got, tt.want)
		}
	}
}
