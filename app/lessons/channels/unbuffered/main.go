package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int) // unbuffered: every send waits for a receive
	done := make(chan struct{})
	go func() {
		for v := range ch {
			time.Sleep(100 * time.Millisecond) // a slow consumer
			fmt.Println("  consumed", v)
		}
		close(done)
	}()
	for i := 1; i <= 4; i++ {
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
	<-done
}
