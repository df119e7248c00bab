// Checks: a ticker loop with an exit path (a done channel) stops and Stop()s its ticker.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	finished := make(chan int)
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		ticks := 0
		for {
			select {
			case <-t.C:
				ticks++
			case <-done:
				finished <- ticks
				return
			}
		}
	}()
	time.Sleep(35 * time.Millisecond)
	close(done)
	fmt.Println("ticks:", <-finished)
}
