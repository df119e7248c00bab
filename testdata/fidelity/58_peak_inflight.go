// Checks: a smaller version of the 1,000-goroutine lesson: every query is
// in flight at once only if spawning them all takes less than one query.
package main

import (
	"fmt"
	"sync"
	"time"
)

type db struct {
	mu             sync.Mutex
	inFlight, peak int
}

func (d *db) query() {
	d.mu.Lock()
	d.inFlight++
	d.peak = max(d.peak, d.inFlight)
	d.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	d.mu.Lock()
	d.inFlight--
	d.mu.Unlock()
}

func main() {
	var d db
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(d.query)
	}
	wg.Wait()
	fmt.Println("peak in flight:", d.peak)
}
