// Package log mirrors the standard library's log for simulated programs:
// the same names, flags, zero values and texts. The standard logger
// writes to the simulated program's standard error (the os mirror's
// Stderr), with Go's default header "2009/11/10 23:00:00 " taken from the
// virtual clock (package sim/time: the epoch is 2009-11-10 23:00:00 UTC).
//
// Each logging call formats one line and makes one Write to the Logger's
// writer, as Go's does, so a line is one print event. Fatal, Fatalf and
// Fatalln print and then end the program with os.Exit(1); Panic, Panicf
// and Panicln print and then panic with the printed text, as Go does.
// A Logger serialises its writes with a mutex in Go, which the race
// detector sees as a happens-before edge between two goroutines' log
// calls: the mirror gives the simulator's race detector the same edge.
package log

import (
	"fmt"
	"io"
	"runtime"
	"unsafe"

	"lanes/sim"
	"lanes/sim/os"
	"lanes/sim/time"
)

// These flags define which text to prefix to each log entry, as in Go's
// log package.
const (
	Ldate         = 1 << iota     // the date in the local time zone: 2009/01/23
	Ltime                         // the time in the local time zone: 01:23:23
	Lmicroseconds                 // microsecond resolution: 01:23:23.123123.  assumes Ltime.
	Llongfile                     // full file name and line number: /a/b/c/d.go:23
	Lshortfile                    // final file name element and line number: d.go:23. overrides Llongfile
	LUTC                          // if Ldate or Ltime is set, use UTC rather than the local time zone
	Lmsgprefix                    // move the "prefix" from the beginning of the line to before the message
	LstdFlags     = Ldate | Ltime // initial values for the standard logger
)

// A Logger writes lines of output to an io.Writer, one Write per call.
type Logger struct {
	out    io.Writer
	prefix string
	flag   int
}

// New creates a new Logger writing to out.
func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{out: out, prefix: prefix, flag: flag}
}

var (
	std      = New(os.Stderr, "", LstdFlags)
	stdEpoch uint64 // the run std was last reset for
)

// Default returns the standard logger used by the package-level functions.
func Default() *Logger { return std }

// reset gives the standard logger its initial settings: a package-level
// logger outlives a run, and a program's SetFlags must not reach the next.
func reset() {
	if e := sim.RunEpoch(); e != stdEpoch {
		stdEpoch = e
		*std = Logger{out: os.Stderr, flag: LstdFlags}
	}
}

// SetOutput sets the output destination for the logger.
func (l *Logger) SetOutput(w io.Writer) { l.out = w }

// Writer returns the output destination for the logger.
func (l *Logger) Writer() io.Writer { return l.out }

// Flags returns the output flags for the logger.
func (l *Logger) Flags() int { return l.flag }

// SetFlags sets the output flags for the logger.
func (l *Logger) SetFlags(flag int) { l.flag = flag }

// Prefix returns the output prefix for the logger.
func (l *Logger) Prefix() string { return l.prefix }

// SetPrefix sets the output prefix for the logger.
func (l *Logger) SetPrefix(prefix string) { l.prefix = prefix }

// Output writes the output for a logging event, s after the header; a
// newline is appended if s does not end with one. calldepth counts the
// frames to the caller named by Lshortfile and Llongfile, as in Go.
func (l *Logger) Output(calldepth int, s string) error {
	return l.output(calldepth+1, s)
}

func (l *Logger) output(calldepth int, s string) error {
	if l == std {
		reset()
	}
	now := time.Now()
	var file string
	var line int
	if l.flag&(Lshortfile|Llongfile) != 0 {
		var ok bool
		_, file, line, ok = runtime.Caller(calldepth)
		if !ok {
			file = "???"
			line = 0
		}
	}
	var buf []byte
	formatHeader(&buf, now, l.prefix, l.flag, file, line)
	buf = append(buf, s...)
	if len(buf) == 0 || buf[len(buf)-1] != '\n' {
		buf = append(buf, '\n')
	}
	if sim.Running() {
		sim.AtomicSync(unsafe.Pointer(l), true, true) // Go's outMu
	}
	_, err := l.out.Write(buf)
	return err
}

// Print calls l.Output to print to the logger, as fmt.Print formats.
func (l *Logger) Print(v ...any) { l.output(2, fmt.Sprint(v...)) }

// Printf calls l.Output to print to the logger, as fmt.Printf formats.
func (l *Logger) Printf(format string, v ...any) { l.output(2, fmt.Sprintf(format, v...)) }

// Println calls l.Output to print to the logger, as fmt.Println formats.
func (l *Logger) Println(v ...any) { l.output(2, fmt.Sprintln(v...)) }

// Fatal is l.Print followed by os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is l.Printf followed by os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is l.Println followed by os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is l.Print followed by a panic with the printed text.
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.output(2, s)
	sim.Panic(s)
}

// Panicf is l.Printf followed by a panic with the printed text.
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.output(2, s)
	sim.Panic(s)
}

// Panicln is l.Println followed by a panic with the printed text.
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.output(2, s)
	sim.Panic(s)
}

// SetOutput sets the output destination for the standard logger.
func SetOutput(w io.Writer) { reset(); std.SetOutput(w) }

// Flags returns the output flags for the standard logger.
func Flags() int { reset(); return std.Flags() }

// SetFlags sets the output flags for the standard logger.
func SetFlags(flag int) { reset(); std.SetFlags(flag) }

// Prefix returns the output prefix for the standard logger.
func Prefix() string { reset(); return std.Prefix() }

// SetPrefix sets the output prefix for the standard logger.
func SetPrefix(prefix string) { reset(); std.SetPrefix(prefix) }

// Writer returns the output destination for the standard logger.
func Writer() io.Writer { reset(); return std.Writer() }

// Print prints to the standard logger, as fmt.Print formats.
func Print(v ...any) { std.output(2, fmt.Sprint(v...)) }

// Printf prints to the standard logger, as fmt.Printf formats.
func Printf(format string, v ...any) { std.output(2, fmt.Sprintf(format, v...)) }

// Println prints to the standard logger, as fmt.Println formats.
func Println(v ...any) { std.output(2, fmt.Sprintln(v...)) }

// Fatal is Print followed by os.Exit(1).
func Fatal(v ...any) {
	std.output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf followed by os.Exit(1).
func Fatalf(format string, v ...any) {
	std.output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println followed by os.Exit(1).
func Fatalln(v ...any) {
	std.output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print followed by a panic with the printed text.
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.output(2, s)
	sim.Panic(s)
}

// Panicf is Printf followed by a panic with the printed text.
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.output(2, s)
	sim.Panic(s)
}

// Panicln is Println followed by a panic with the printed text.
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.output(2, s)
	sim.Panic(s)
}

// Output writes the output for a logging event to the standard logger.
func Output(calldepth int, s string) error {
	return std.output(calldepth+1, s) // +1 for this frame
}
