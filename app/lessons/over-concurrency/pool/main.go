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
	jobs := make(chan int)
	for range 10 { // a pool of 10 workers
		wg.Go(func() {
			for range jobs {
				d.query()
			}
		})
	}
	for j := range 1000 {
		jobs <- j // waits for a free worker
	}
	close(jobs) // no more jobs: the workers' loops end
	wg.Wait()
	fmt.Println("peak in flight:", d.peak)
}
