package main

import (
	"fmt"
	"time"
)

// call runs a job that takes d and delivers its result on a channel.
func call(d time.Duration) <-chan string {
	result := make(chan string, 1) // buffered: the job never blocks
	go func() {
		time.Sleep(d)
		result <- fmt.Sprint("finished in ", d)
	}()
	return result
}

func main() {
	for _, d := range []time.Duration{20 * time.Millisecond, 200 * time.Millisecond} {
		select {
		case r := <-call(d):
			fmt.Println(r)
		case <-time.After(100 * time.Millisecond):
			fmt.Println("gave up after 100ms")
		}
	}
}
