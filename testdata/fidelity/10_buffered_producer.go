// Checks: a producer runs ahead of a slow consumer by the buffer size, then blocks.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for v := range ch {
			time.Sleep(20 * time.Millisecond)
			fmt.Println("consumed", v)
		}
		done <- true
	}()
	for i := 1; i <= 4; i++ {
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
	<-done
}
