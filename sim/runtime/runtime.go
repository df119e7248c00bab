// Package runtime mirrors the parts of the standard library's runtime that
// concern goroutines, for simulated programs: NumGoroutine counts simulated
// goroutines, Gosched yields the simulated turn, GOMAXPROCS and NumCPU
// report the single simulated processor. The rest is the real runtime.
package runtime

import (
	goruntime "runtime"

	"lanes/sim"
)

type (
	// MemStats is the real runtime.MemStats.
	MemStats = goruntime.MemStats
	// Error is the real runtime.Error.
	Error = goruntime.Error
	// Frame is the real runtime.Frame.
	Frame = goruntime.Frame
	// Frames is the real runtime.Frames.
	Frames = goruntime.Frames
	// Func is the real runtime.Func.
	Func = goruntime.Func
)

// GOOS and GOARCH are the real ones.
const (
	GOOS   = goruntime.GOOS
	GOARCH = goruntime.GOARCH
)

// NumGoroutine returns the number of simulated goroutines alive.
func NumGoroutine() int { return sim.NumGoroutine() }

// Gosched yields the processor: the running goroutine goes to the back of
// the queue.
func Gosched() { sim.Gosched() }

// Goexit ends the calling goroutine after running its deferred calls.
func Goexit() { goruntime.Goexit() }

// GOMAXPROCS reports 1, the simulator's single processor, and changes nothing.
func GOMAXPROCS(int) int { return 1 }

// NumCPU reports 1, the simulator's single processor.
func NumCPU() int { return 1 }

// GC does nothing in a simulated program.
func GC() {}

// ReadMemStats is runtime.ReadMemStats (of the real process).
func ReadMemStats(m *MemStats) { goruntime.ReadMemStats(m) }

// KeepAlive is runtime.KeepAlive.
func KeepAlive(x any) { goruntime.KeepAlive(x) }

// Version is runtime.Version.
func Version() string { return goruntime.Version() }

// Caller is runtime.Caller (twins keep the shown program's lines).
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	return goruntime.Caller(skip + 1)
}

// Callers is runtime.Callers.
func Callers(skip int, pc []uintptr) int { return goruntime.Callers(skip+1, pc) }

// CallersFrames is runtime.CallersFrames.
func CallersFrames(callers []uintptr) *Frames { return goruntime.CallersFrames(callers) }

// FuncForPC is runtime.FuncForPC.
func FuncForPC(pc uintptr) *Func { return goruntime.FuncForPC(pc) }
