package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2) // room for two values: sends run ahead
	done := make(chan struct{})
	go func() {
		for v := range ch {
			time.Sleep(100 * time.Millisecond) // a slow consumer
			fmt.Println("  consumed", v)
		}
		close(done)
	}()
	for i := 1; i <= 4; i++ {
		ch <- i // blocks only when the buffer is full
		fmt.Println("sent", i)
	}
	close(ch)
	<-done
}
