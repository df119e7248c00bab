// Checks: semaphore.Weighted: Acquire blocks while full, TryAcquire fails while full.
package main

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	sem := semaphore.NewWeighted(2)
	ctx := context.Background()
	_ = sem.Acquire(ctx, 2)
	fmt.Println("TryAcquire while full:", sem.TryAcquire(1))
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("releasing")
		sem.Release(2)
	}()
	_ = sem.Acquire(ctx, 1)
	fmt.Println("acquired after release")
	tctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	fmt.Println("Acquire(2) with timeout:", sem.Acquire(tctx, 2))
}
