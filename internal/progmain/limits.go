package progmain

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"lanes/sim"
)

// Limits bound what a program may use besides its steps (-steps). Every
// subcommand takes them as flags:
//
//	-max-memory SIZE   the process's memory: the program's heap and stacks
//	                   and the simulator's own records (default 512MiB)
//	-max-output SIZE   one run's output, stdout and stderr together
//	                   (default 1MiB)
//	-max-stack SIZE    one goroutine's stack (default 128MiB)
//
// SIZE is a number of bytes with an optional unit: KiB, MiB, GiB (or K,
// M, G); 0 means no limit. A run that goes over a limit ends with exit
// status 2 and one line on stderr that says which, such as
//
//	lanes: stopped: output over 1 MiB
//	lanes: stopped: the program used more than 512 MiB of memory
//	lanes: stopped: a goroutine's stack went over 128 MiB (deep recursion?)
//
// The output limit holds for every run, also under Run; it keeps the
// output up to the limit (the run's trace ends as "outputlimit"). The
// memory and stack limits hold only for the process that Main runs: see
// guard.go and Exec.
type Limits struct {
	Memory, Output, Stack int64
}

// DefaultLimits are the limits when no flag says otherwise.
var DefaultLimits = Limits{Memory: 512 << 20, Output: 1 << 20, Stack: 128 << 20}

func (l *Limits) register(fs *flag.FlagSet) {
	*l = DefaultLimits
	fs.Var((*size)(&l.Memory), "max-memory", "stop the program when it uses more `memory` than this (0: no limit)")
	fs.Var((*size)(&l.Output), "max-output", "stop a run when its output (stdout and stderr) goes over this `size` (0: no limit)")
	fs.Var((*size)(&l.Stack), "max-stack", "stop the program when a goroutine's stack goes over this `size` (0: Go's own limit)")
}

// The lines that say which limit stopped a program.

func memoryLine(limit int64) string {
	return fmt.Sprintf("lanes: stopped: the program used more than %s of memory\n", sim.Bytes(limit))
}

func stackLine(limit int64) string {
	return fmt.Sprintf("lanes: stopped: a goroutine's stack went over %s (deep recursion?)\n", sim.Bytes(limit))
}

// size is a flag.Value for a number of bytes such as "512MiB".
type size int64

func (s *size) String() string {
	if s == nil || *s == 0 {
		return "0"
	}
	return strings.ReplaceAll(sim.Bytes(int64(*s)), " ", "")
}

func (s *size) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s = size(n)
	return nil
}

// parseSize reads "512MiB", "64 KiB", "1G", "1000".
func parseSize(v string) (int64, error) {
	t := strings.TrimSpace(v)
	num := strings.TrimRightFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.ToLower(strings.TrimSpace(t[len(num):]))
	shift := map[string]uint{"": 0, "b": 0, "bytes": 0, "k": 10, "kb": 10, "kib": 10,
		"m": 20, "mb": 20, "mib": 20, "g": 30, "gb": 30, "gib": 30}
	sh, ok := shift[unit]
	n, err := strconv.ParseInt(num, 10, 64)
	if !ok || err != nil || n < 0 || n > (1<<62)>>sh {
		return 0, fmt.Errorf("%q is not a size (such as 512MiB, 64KiB or 1000)", v)
	}
	return n << sh, nil
}
