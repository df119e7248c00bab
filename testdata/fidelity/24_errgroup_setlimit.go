// Checks: errgroup SetLimit(2) never lets more than two tasks run at once.
package main

import (
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2)
	var mu sync.Mutex
	active, peak := 0, 0
	for range 6 {
		g.Go(func() error {
			mu.Lock()
			active++
			peak = max(peak, active)
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
			mu.Lock()
			active--
			mu.Unlock()
			return nil
		})
	}
	fmt.Println("Wait:", g.Wait(), "peak:", peak, "TryGo:", g.TryGo(func() error { return nil }))
	_ = g.Wait()
}
