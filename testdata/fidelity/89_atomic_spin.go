// Checks: main spins on an atomic flag (for !ready.Load() {}) that another goroutine sets, and then on one set after a sleep: Go's scheduler preempts a goroutine that runs 10 ms without blocking, so both loops end even at GOMAXPROCS=1, and the data written before the flag is seen.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var ready atomic.Bool
	data := 0
	go func() {
		data = 42
		ready.Store(true)
	}()
	for !ready.Load() {
	}
	fmt.Println("data:", data)
	var late atomic.Bool
	go func() {
		time.Sleep(20 * time.Millisecond)
		late.Store(true)
	}()
	for !late.Load() {
	}
	fmt.Println("the late flag too")
}
