package rewrite

import (
	"maps"
	"slices"
)

// mirrors maps each supported import path that needs instrumentation to the
// mirror package that replaces it in a twin, and the package name it keeps.
var mirrors = map[string]struct{ path, name string }{
	"fmt":                         {"lanes/sim/fmt", "fmt"},
	"sync":                        {"lanes/sim/sync", "sync"},
	"time":                        {"lanes/sim/time", "time"},
	"context":                     {"lanes/sim/context", "context"},
	"runtime":                     {"lanes/sim/runtime", "runtime"},
	"os":                          {"lanes/sim/os", "os"},
	"math/rand":                   {"lanes/sim/rand", "rand"},
	"golang.org/x/sync/errgroup":  {"lanes/sim/errgroup", "errgroup"},
	"golang.org/x/sync/semaphore": {"lanes/sim/semaphore", "semaphore"},
	"sync/atomic":                 {"lanes/sim/atomic", "atomic"},
	"log":                         {"lanes/sim/log", "log"},
	"math/rand/v2":                {"lanes/sim/rand/v2", "rand"},
	"bufio":                       {"lanes/sim/bufio", "bufio"},
	"io":                          {"lanes/sim/io", "io"},
}

// pure lists the supported packages that need no instrumentation: their
// imports are kept as they are.
var pure = map[string]bool{
	"errors": true, "strings": true, "strconv": true, "sort": true,
	"slices": true, "maps": true, "math": true, "unicode": true,
	"bytes": true, "unicode/utf8": true, "container/list": true,
	"iter": true, "cmp": true,
}

// supported reports whether a program may import path.
func supported(path string) bool { return pure[path] || mirrors[path].path != "" }

// SupportedImports returns, sorted, the import paths a program may use:
// those the rewriter swaps for a mirror (fmt, sync, time, context, runtime,
// os, log, io, bufio, math/rand, math/rand/v2, sync/atomic,
// golang.org/x/sync/errgroup and golang.org/x/sync/semaphore)
// and the pure packages it keeps (errors, strings, sort…). Any other import
// is refused with "import … is not supported yet". The slice is the
// caller's own.
func SupportedImports() []string {
	paths := slices.Collect(maps.Keys(pure))
	for p := range mirrors {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}
