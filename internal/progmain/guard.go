package progmain

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// The memory and stack limits of the process Main runs.
//
//   - The stack limit is debug.SetMaxStack: a goroutine whose stack would
//     grow over it ends the process with Go's "fatal error: stack
//     overflow" and a dump of every stack, which Exec turns into the one
//     line that says so.
//   - The memory limit is, softly, debug.SetMemoryLimit (the collector
//     works harder near it); a watchdog that reads the runtime's metrics
//     every few milliseconds ends the process with the one line when the
//     memory in use (as SetMemoryLimit counts it) goes over the limit; and,
//     on Linux, a hard bound on the address space (RLIMIT_AS: the address
//     space at start, plus twice the memory and stack limits) makes one
//     huge allocation fail at once, with Go's "fatal error: out of memory",
//     before it can touch the machine's memory. Exec turns that into the
//     same line.

// guardInterval is how often the watchdog looks at the memory in use.
const guardInterval = 5 * time.Millisecond

// guard applies lim's memory and stack limits to this process; the
// watchdog reports on stderr.
func guard(lim Limits, stderr io.Writer) {
	if lim.Stack > 0 {
		debug.SetMaxStack(int(min(lim.Stack, 1<<40)))
	}
	if lim.Memory <= 0 {
		return
	}
	debug.SetMemoryLimit(lim.Memory)
	limitAddressSpace(2 * (lim.Memory + max(lim.Stack, 0)))
	go watch(lim.Memory, func() {
		io.WriteString(stderr, memoryLine(lim.Memory))
		os.Exit(2)
	})
}

// watch calls over, once, when the memory in use goes over limit.
func watch(limit int64, over func()) {
	samples := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	t := time.NewTicker(guardInterval)
	defer t.Stop()
	for range t.C {
		if inUse(samples) > limit {
			over()
			return
		}
	}
}

// inUse is the memory the process uses, as debug.SetMemoryLimit counts it.
func inUse(samples []metrics.Sample) int64 {
	metrics.Read(samples)
	for _, s := range samples {
		if s.Value.Kind() != metrics.KindUint64 {
			panic(fmt.Sprintf("progmain: runtime metric %s is not supported", s.Name))
		}
	}
	return int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
}
