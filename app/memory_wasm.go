//go:build wasm

package app

import (
	"errors"
	"runtime"
	"sync"
	"time"
)

// measureGoroutines parks n goroutines on a channel, reads the memory
// statistics, and releases them.
func measureGoroutines(n int) (MemResult, error) {
	if n <= 0 || n > 1_000_000 {
		return MemResult{}, errors.New("want 1 to 1,000,000 goroutines")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	release := make(chan struct{})
	var started, stopped sync.WaitGroup
	started.Add(n)
	stopped.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-release
			stopped.Done()
		}()
	}
	started.Wait()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	close(release)
	stopped.Wait()
	runtime.GC()
	return MemResult{
		N:          n,
		StackInuse: int64(after.StackInuse) - int64(before.StackInuse),
		HeapAlloc:  int64(after.HeapAlloc) - int64(before.HeapAlloc),
		Sys:        int64(after.Sys) - int64(before.Sys),
		Millis:     float64(took.Microseconds()) / 1000,
	}, nil
}
