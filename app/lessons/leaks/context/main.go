package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// startCleanup starts a background loop that stops when ctx is cancelled.
func startCleanup(ctx context.Context) {
	go func() {
		ticker := time.NewTicker(10 * time.Millisecond)
		defer ticker.Stop()
		for {
			select {
			case <-ticker.C:
				// clean something up
			case <-ctx.Done():
				return // the exit path
			}
		}
	}()
}

func main() {
	for i := 1; i <= 3; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		startCleanup(ctx)
		time.Sleep(25 * time.Millisecond)
		fmt.Println("goroutines:", runtime.NumGoroutine())
		cancel() // the request is over: stop its worker
	}
}
