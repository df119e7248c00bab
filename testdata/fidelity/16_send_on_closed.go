// Checks: a send on a closed channel panics, here in a goroutine.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	close(ch)
	go func() {
		ch <- 1
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("not reached")
}
