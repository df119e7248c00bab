// Package os mirrors the parts of the standard library's os that simulated
// programs use: Exit ends the simulated program (deferred calls do not
// run), Stdout and Stderr write to its captured output. The environment
// and arguments are the real ones.
package os

import (
	goos "os"

	"lanes/sim"
)

// File is a simulated standard stream.
type File struct{ fd int }

var (
	// Stdout is the simulated program's standard output.
	Stdout = &File{fd: 1}
	// Stderr is the simulated program's standard error.
	Stderr = &File{fd: 2}
)

// Write writes b to the stream.
func (f *File) Write(b []byte) (int, error) { return f.WriteString(string(b)) }

// WriteString writes s to the stream.
func (f *File) WriteString(s string) (int, error) {
	if f.fd == 2 {
		sim.PrintErr(s)
	} else {
		sim.Print(s)
	}
	return len(s), nil
}

// Exit ends the program at once with the given status.
func Exit(code int) { sim.Exit(code) }

// Args are the real os.Args.
var Args = goos.Args

// Getenv is os.Getenv.
func Getenv(key string) string { return goos.Getenv(key) }

// LookupEnv is os.LookupEnv.
func LookupEnv(key string) (string, bool) { return goos.LookupEnv(key) }

// Environ is os.Environ.
func Environ() []string { return goos.Environ() }
