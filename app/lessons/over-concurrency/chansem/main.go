package main

import (
	"fmt"
	"sync"
	"time"
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
	sem := make(chan struct{}, 10) // a buffered channel as a semaphore
	for range 1000 {
		sem <- struct{}{} // blocks while 10 queries are in flight
		wg.Go(func() {
			defer func() { <-sem }()
			d.query()
		})
	}
	wg.Wait()
	fmt.Println("peak in flight:", d.peak)
}
