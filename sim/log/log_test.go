package log_test

import (
	"bytes"
	gofmt "fmt"
	golog "log"
	"strings"
	"testing"
	gotime "time"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/log"
	"lanes/sim/os"
	"lanes/sim/time"
)

// The standard logger writes to stderr, its time from the virtual clock;
// Fatal ends the program with status 1.
func Example() {
	tr := sim.Run(func() {
		log.Println("starting")
		time.Sleep(1500 * time.Millisecond)
		log.SetFlags(log.LstdFlags | log.Lmicroseconds)
		log.Printf("slept %v", 1500*time.Millisecond)
		log.Fatal("giving up")
	}, sim.Options{})
	gofmt.Print(tr.Outcome.Stderr)
	gofmt.Println(tr.Outcome.Exit, tr.Outcome.Code)
	// Output:
	// 2009/11/10 23:00:00 starting
	// 2009/11/10 23:00:01.500000 slept 1.5s
	// 2009/11/10 23:00:01.500000 giving up
	// exit 1
}

// TestLikeGo compares the mirror's lines with the real log package's, for
// the same flags, prefix and time.
func TestLikeGo(t *testing.T) {
	for _, tc := range []struct {
		desc   string
		flags  int
		prefix string
		call   func(l *log.Logger)
		real   func(l *golog.Logger)
	}{
		{desc: "Println, no flags", call: func(l *log.Logger) { l.Println("a", 1) }, real: func(l *golog.Logger) { l.Println("a", 1) }},
		{desc: "Print adds the newline", flags: log.LstdFlags, call: func(l *log.Logger) { l.Print("x", 2, 3, "y") }, real: func(l *golog.Logger) { l.Print("x", 2, 3, "y") }},
		{desc: "Printf keeps one newline", flags: log.Ltime | log.Lmicroseconds, prefix: "p: ", call: func(l *log.Logger) { l.Printf("%d\n", 7) }, real: func(l *golog.Logger) { l.Printf("%d\n", 7) }},
		{desc: "Lmsgprefix", flags: log.Ldate | log.Lmsgprefix | log.LUTC, prefix: "[w] ", call: func(l *log.Logger) { l.Print("m") }, real: func(l *golog.Logger) { l.Print("m") }},
		{desc: "empty message", flags: 0, prefix: "e", call: func(l *log.Logger) { l.Print() }, real: func(l *golog.Logger) { l.Print() }},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var want bytes.Buffer
			rl := golog.New(&want, tc.prefix, tc.flags)
			tc.real(rl)
			// The real logger took the real time: put the virtual one in.
			wantText := strings.Replace(want.String(), gotime.Now().Format("2006/01/02"), "2009/11/10", 1)
			var got strings.Builder
			sim.Run(func() {
				l := log.New(&got, tc.prefix, tc.flags)
				tc.call(l)
			}, sim.Options{})
			if tc.flags&(log.Ltime|log.Lmicroseconds) != 0 {
				wantText = timeRE(wantText)
			}
			if g := timeRE(got.String()); g != wantText {
				t.Errorf("got %q, want %q", g, wantText)
			}
		})
	}
}

// timeRE blanks the clock digits of a header (the real run's time differs).
func timeRE(s string) string {
	b := []byte(s)
	for i := 0; i+8 <= len(b); i++ {
		if b[i+2] == ':' && b[i+5] == ':' {
			for j := i; j < i+8; j++ {
				if b[j] != ':' {
					b[j] = '0'
				}
			}
			for j := i + 9; i+8 < len(b) && b[i+8] == '.' && j < i+15; j++ {
				b[j] = '0'
			}
			break
		}
	}
	return string(b)
}

// Lshortfile names the caller's file and line; SetOutput moves the
// standard logger, and every run starts with Go's defaults again.
func TestStandardLogger(t *testing.T) {
	run := func(body func()) *strings.Builder {
		var out strings.Builder
		tr := sim.Run(body, sim.Options{})
		out.WriteString(tr.Outcome.Output + "|" + tr.Outcome.Stderr)
		return &out
	}
	got := run(func() {
		log.SetOutput(os.Stdout)
		log.SetFlags(log.Lshortfile)
		log.SetPrefix("> ")
		log.Print("here")
		fmt.Println(log.Flags() == log.Lshortfile, log.Prefix(), log.Writer() == os.Stdout)
	}).String()
	if want := "> log_test.go:"; !strings.HasPrefix(got, want) || !strings.Contains(got, ": here\ntrue >  true\n|") {
		t.Errorf("got %q, want a line starting %q", got, want)
	}
	got = run(func() { log.Print("again") }).String()
	if want := "|2009/11/10 23:00:00 again\n"; got != want {
		t.Errorf("the next run: got %q, want %q", got, want)
	}
}

// log.Panic prints, then panics with the printed text, which recover
// sees; unrecovered, the program ends with Go's "panic: " line.
func TestPanic(t *testing.T) {
	for _, tc := range []struct {
		desc       string
		body       func()
		wantStderr string
	}{
		{desc: "Panic", body: func() { log.Panic("bad ", 1) }, wantStderr: "bad 1\npanic: bad 1\n"},
		{desc: "Panicf", body: func() { log.Panicf("bad %d", 2) }, wantStderr: "bad 2\npanic: bad 2\n"},
		{desc: "Panicln", body: func() { log.Panicln("bad", 3) }, wantStderr: "bad 3\npanic: bad 3\n"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			tr := sim.Run(func() { log.SetFlags(0); tc.body() }, sim.Options{})
			if !strings.HasPrefix(tr.Outcome.Stderr, tc.wantStderr) || tr.Outcome.Code != 2 {
				t.Errorf("got status %d stderr %q, want 2 and %q…", tr.Outcome.Code, tr.Outcome.Stderr, tc.wantStderr)
			}
		})
	}
	var recovered any
	sim.Run(func() {
		log.SetOutput(os.Stdout)
		defer func() { recovered = recover() }()
		log.Panicf("value %d", 4)
	}, sim.Options{})
	if recovered != "value 4" {
		t.Errorf("recovered %#v, want %q", recovered, "value 4")
	}
}
