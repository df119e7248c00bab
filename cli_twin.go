//go:build !wasm

package main

// The subcommands that run your own program under the simulator:
//
//	lanes trace   [-seed N] [-strategy runtime|random|pct] [-replay CHOICES] [-json] PROGRAM.go [-- ARGS]
//	lanes explore [-runs N] [-strategy random|pct|exhaustive] [-seed N] [-json] PROGRAM.go
//	lanes svg     [-seed N] [-strategy …] [-theme light|dark|auto] [-scale time|step] PROGRAM.go > timeline.svg
//
// Each builds (or finds in its cache) the program's twin executable with
// internal/twinbuild, then runs it with the same subcommand and flags
// (internal/progmain does the work), passing its stdout, stderr and exit
// status through (progmain.Exec: a run stopped by a limit, -max-memory,
// -max-output or -max-stack, ends with one line that says which). The
// program may come anywhere among the flags. A program that does not
// compile, or uses something not supported yet, exits 1 with the
// compiler's or rewriter's message in the shown file's lines.
//
// SIGINT or SIGTERM stops the build, or the program (SIGTERM, then SIGKILL
// after progmain.KillDelay), and the command exits 130 or 143 once it has
// ended: no program outlives the command, no build is left half done.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"lanes/internal/progmain"
	"lanes/internal/twinbuild"
)

// twinHelp is the help line of each twin subcommand.
var twinHelp = map[string]string{
	"trace":   "run a program once under the simulator: lanes trace [-seed N] [-strategy runtime|random|pct] [-json] prog.go",
	"explore": "list a program's outcomes over many schedules: lanes explore [-runs N] [-strategy random|pct|exhaustive] [-json] prog.go",
	"svg":     "draw a program's timeline: lanes svg [-seed N] [-theme light|dark|auto] prog.go > timeline.svg",
}

// twinCommand runs the subcommand name: build the program's twin, run it.
func twinCommand(name string, args []string) int {
	prog, rest, err := splitProgram(args)
	if err != nil {
		fmt.Fprintf(stderr, "lanes %s: %v\n%s\n", name, err, twinHelp[name])
		return 1
	}
	ctx, stop := signalContext()
	defer stop()
	exe, err := twinbuild.BuildContext(ctx, prog)
	if code, ok := signalled(ctx); ok {
		return code
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	code, err := progmain.Exec(ctx, exe, append([]string{name}, rest...), os.Stdin, stdout, stderr)
	if code, ok := signalled(ctx); ok {
		return code
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				if s := ws.Signal(); s != syscall.SIGINT && s != syscall.SIGTERM {
					fmt.Fprintf(stderr, "lanes %s: the program was ended by a signal (%v)\n", name, s)
				}
				return 128 + int(ws.Signal())
			}
		}
		fmt.Fprintf(stderr, "lanes %s: %v\n", name, err)
		return 1
	}
	return code
}

// signalContext returns a context cancelled, with the signal as its cause,
// when the process gets SIGINT or SIGTERM; stop stops listening.
func signalContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			cancel(signalError{s})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// signalError is the cause of a context cancelled by a signal.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return "got " + e.sig.String() }

// signalled reports whether ctx was cancelled by a signal, and the exit
// status that tells so (128 + the signal's number, as shells do).
func signalled(ctx context.Context) (code int, ok bool) {
	var se signalError
	if !errors.As(context.Cause(ctx), &se) {
		return 0, false
	}
	if s, isSys := se.sig.(syscall.Signal); isSys {
		return 128 + int(s), true
	}
	return 1, true
}

// splitProgram takes the program (the first argument ending in ".go",
// before any "--") out of args.
func splitProgram(args []string) (prog string, rest []string, err error) {
	end := len(args)
	if i := slices.Index(args, "--"); i >= 0 {
		end = i
	}
	for i, a := range args[:end] {
		if strings.HasSuffix(a, ".go") && !strings.HasPrefix(a, "-") {
			rest = append(slices.Clone(args[:i]), args[i+1:]...)
			return a, rest, nil
		}
	}
	return "", nil, errors.New("no program given (a .go file)")
}
