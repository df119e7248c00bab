package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// db is a pretend database that counts the queries in flight.
type db struct {
	mu             sync.Mutex
	inFlight, peak int
}

func (d *db) query() {
	d.mu.Lock()
	d.inFlight++
	d.peak = max(d.peak, d.inFlight)
	d.mu.Unlock()
	time.Sleep(10 * time.Millisecond) // the query itself
	d.mu.Lock()
	d.inFlight--
	d.mu.Unlock()
}

func main() {
	var d db
	var wg sync.WaitGroup
	sem := semaphore.NewWeighted(10) // 10 slots
	for range 1000 {
		_ = sem.Acquire(context.Background(), 1) // waits for a free slot
		wg.Go(func() {
			defer sem.Release(1)
			d.query()
		})
	}
	wg.Wait()
	fmt.Println("peak in flight:", d.peak)
}
