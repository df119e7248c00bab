package progbuild

// Hard limits on builds. GOMEMLIMIT (BuildMemLimit) only asks each Go
// process of a build to collect harder; a program that makes the
// compiler or the linker need more (a huge constant, a giant composite
// literal) would still take the machine's memory. So, where /bin/sh is
// (Linux, macOS), every build runs under hard resource limits set by
// construction: the go command is started as
//
//	/bin/sh -c 'ulimit -d KiB && ulimit -t SECONDS && exec "$0" "$@"' GO build …
//
// and the shell sets RLIMIT_DATA (a process's heap: its private writable
// memory; unlike RLIMIT_AS it leaves alone the address space Go reserves
// and never uses) and RLIMIT_CPU, soft and hard, before it becomes the go
// command; the compiler and linker it starts inherit them and cannot
// raise them. Each process of the build is held to them. A process over
// its memory limit dies with Go's "out of memory", one over its CPU time
// with SIGXCPU: either is a *LimitError, whose message says which limit
// stopped the build. A still's run (still.go) is started the same way.
//
// Options.MaxMemory and Options.MaxCPU set them (defaults BuildMemHard and
// BuildCPUHard; a negative value: no hard limit).

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"lanes/sim"
)

// The hard limits of each process of a build.
const (
	// BuildMemHard bounds each process's heap: over BuildMemLimit, with
	// room for what GOMEMLIMIT cannot collect (a cold build of the
	// standard library fits in 512 MiB).
	BuildMemHard = 1 << 30
	// BuildCPUHard bounds each process's CPU time: beyond any build's
	// Timeout, so only a runaway process meets it.
	BuildCPUHard = 10 * time.Minute
)

// LimitError is a build stopped by one of its hard limits.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// shell is the wrapper that sets the limits.
const shell = "/bin/sh"

// limitedCommand is the command that runs the go command goCmd under the
// hard limits (see above), or goCmd itself when none applies.
func (s *Service) limitedCommand() []string { return s.limited(s.goCmd) }

// limited is the command that runs the executable exe under the hard
// limits, or exe itself when none applies.
func (s *Service) limited(exe string) []string {
	mem, cpu := s.opts.MaxMemory, s.opts.MaxCPU
	if runtime.GOOS == "windows" || mem < 0 && cpu < 0 {
		return []string{exe}
	}
	if _, err := os.Stat(shell); err != nil {
		return []string{exe}
	}
	var script []string
	if mem > 0 {
		script = append(script, "ulimit -d "+strconv.FormatInt(max(mem>>10, 1), 10))
	}
	if cpu > 0 {
		script = append(script, "ulimit -t "+strconv.FormatInt(max(int64(cpu/time.Second), 1), 10))
	}
	script = append(script, `exec "$0" "$@"`)
	return []string{shell, "-c", strings.Join(script, " && "), exe}
}

// limitError is the *LimitError of a failed build whose output is out, or
// nil when no hard limit stopped it.
//
// signaled names the signal that ended the go command ("" for none).
func (s *Service) limitError(out string, signaled string) error {
	switch {
	case s.opts.MaxMemory > 0 && (strings.Contains(out, "fatal error: runtime: out of memory") ||
		strings.Contains(out, "fatal error: out of memory") || strings.Contains(out, "runtime: out of memory") ||
		strings.Contains(out, "fatal error: runtime: cannot allocate memory") ||
		strings.TrimSpace(out) == "" && signaled == "segmentation fault"): // too little to start its runtime
		return &LimitError{Msg: fmt.Sprintf("the build needed more than %s of memory and was stopped (a huge constant or literal?)", sim.Bytes(s.opts.MaxMemory))}
	case s.opts.MaxCPU > 0 && strings.Contains(signaled+"\n"+out, "CPU time limit exceeded"):
		return &LimitError{Msg: fmt.Sprintf("the build used more than %v of CPU time and was stopped", s.opts.MaxCPU)}
	}
	return nil
}
