package main

import (
	"fmt"
	"runtime"
	"time"
)

// startCleanup starts a background loop that nothing can ever stop.
func startCleanup() {
	go func() {
		ticker := time.NewTicker(10 * time.Millisecond)
		for range ticker.C {
			// clean something up
		}
	}()
}

func main() {
	for i := 1; i <= 3; i++ {
		startCleanup() // e.g. once per request
		time.Sleep(25 * time.Millisecond)
		fmt.Println("goroutines:", runtime.NumGoroutine())
	}
}
