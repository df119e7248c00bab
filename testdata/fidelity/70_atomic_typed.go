// Checks: typed atomics (Int64, Bool, CompareAndSwap) and the happens-before of a Store seen by a Load.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var first atomic.Int32
	var done atomic.Bool
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(10)
			first.CompareAndSwap(0, int32(i))
		}()
	}
	wg.Wait()
	done.Store(true)
	fmt.Println("hits:", hits.Load(), "done:", done.Load(), "someone was first:", first.Load() != 0)
}
