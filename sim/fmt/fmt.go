// Package fmt mirrors the standard library's fmt for simulated programs:
// Print, Println and Printf write to the simulated program's standard
// output, one recorded print event per call, byte for byte what Go would
// print. Everything else is the real fmt (Sprintf, Errorf, Fprintln to any
// writer, including the os mirror's Stdout).
package fmt

import (
	gofmt "fmt"
	"io"

	"lanes/sim"
)

type (
	// Stringer is the real fmt.Stringer.
	Stringer = gofmt.Stringer
	// GoStringer is the real fmt.GoStringer.
	GoStringer = gofmt.GoStringer
	// Formatter is the real fmt.Formatter.
	Formatter = gofmt.Formatter
	// State is the real fmt.State.
	State = gofmt.State
	// ScanState is the real fmt.ScanState.
	ScanState = gofmt.ScanState
	// Scanner is the real fmt.Scanner.
	Scanner = gofmt.Scanner
)

// Print formats its operands like fmt.Print and writes to standard output.
func Print(a ...any) (int, error) {
	s := gofmt.Sprint(a...)
	sim.Print(s)
	return len(s), nil
}

// Println formats its operands like fmt.Println and writes to standard output.
func Println(a ...any) (int, error) {
	s := gofmt.Sprintln(a...)
	sim.Print(s)
	return len(s), nil
}

// Printf formats like fmt.Printf and writes to standard output.
func Printf(format string, a ...any) (int, error) {
	s := gofmt.Sprintf(format, a...)
	sim.Print(s)
	return len(s), nil
}

// Sprint is fmt.Sprint.
func Sprint(a ...any) string { return gofmt.Sprint(a...) }

// Sprintln is fmt.Sprintln.
func Sprintln(a ...any) string { return gofmt.Sprintln(a...) }

// Sprintf is fmt.Sprintf.
func Sprintf(format string, a ...any) string { return gofmt.Sprintf(format, a...) }

// Errorf is fmt.Errorf.
func Errorf(format string, a ...any) error { return gofmt.Errorf(format, a...) }

// Fprint is fmt.Fprint.
func Fprint(w io.Writer, a ...any) (int, error) { return gofmt.Fprint(w, a...) }

// Fprintln is fmt.Fprintln.
func Fprintln(w io.Writer, a ...any) (int, error) { return gofmt.Fprintln(w, a...) }

// Fprintf is fmt.Fprintf.
func Fprintf(w io.Writer, format string, a ...any) (int, error) {
	return gofmt.Fprintf(w, format, a...)
}

// Append is fmt.Append.
func Append(b []byte, a ...any) []byte { return gofmt.Append(b, a...) }

// Appendf is fmt.Appendf.
func Appendf(b []byte, format string, a ...any) []byte { return gofmt.Appendf(b, format, a...) }

// Appendln is fmt.Appendln.
func Appendln(b []byte, a ...any) []byte { return gofmt.Appendln(b, a...) }

// Sscan is fmt.Sscan.
func Sscan(str string, a ...any) (int, error) { return gofmt.Sscan(str, a...) }

// Sscanf is fmt.Sscanf.
func Sscanf(str, format string, a ...any) (int, error) { return gofmt.Sscanf(str, format, a...) }

// Sscanln is fmt.Sscanln.
func Sscanln(str string, a ...any) (int, error) { return gofmt.Sscanln(str, a...) }

// FormatString is fmt.FormatString.
func FormatString(state State, verb rune) string { return gofmt.FormatString(state, verb) }
