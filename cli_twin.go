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
// status through. The program may come anywhere among the flags. A program
// that does not compile, or uses something not supported yet, exits 1 with
// the compiler's or rewriter's message in the shown file's lines.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"

	"lanes/internal/twinbuild"
)

func init() {
	for name, help := range map[string]string{
		"trace":   "run a program once under the simulator: lanes trace [-seed N] [-strategy runtime|random|pct] [-json] prog.go",
		"explore": "list a program's outcomes over many schedules: lanes explore [-runs N] [-strategy random|pct|exhaustive] [-json] prog.go",
		"svg":     "draw a program's timeline: lanes svg [-seed N] [-theme light|dark|auto] prog.go > timeline.svg",
	} {
		commands[name] = twinCommand(name)
		commandHelp[name] = help
	}
}

// twinCommand returns the subcommand name: build the program's twin, run it.
func twinCommand(name string) func(args []string) int {
	return func(args []string) int {
		prog, rest, err := splitProgram(args)
		if err != nil {
			fmt.Fprintf(stderr, "lanes %s: %v\n%s\n", name, err, commandHelp[name])
			return 1
		}
		exe, err := twinbuild.Build(prog)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		cmd := exec.Command(exe, append([]string{name}, rest...)...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if errors.As(err, &ee) && ee.Exited() {
				return ee.ExitCode()
			}
			fmt.Fprintf(stderr, "lanes %s: %v\n", name, err)
			return 1
		}
		return 0
	}
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
