// Checks: RWMutex with two writers and two readers taking it twice each never deadlocks (Unlock lets the next writer in too).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	n := 0
	for range 2 {
		wg.Go(func() {
			for range 2 {
				rw.Lock()
				n++
				rw.Unlock()
			}
		})
		wg.Go(func() {
			for range 2 {
				rw.RLock()
				_ = n
				rw.RUnlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("n =", n)
}
