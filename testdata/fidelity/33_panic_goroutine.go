// Checks: a panic in any goroutine ends the whole program with exit status 2.
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		defer fmt.Println("deferred in worker runs")
		panic("worker exploded")
	}()
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main never gets here")
}
