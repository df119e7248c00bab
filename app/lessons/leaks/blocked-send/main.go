package main

import (
	"fmt"
	"runtime"
	"time"
)

// first asks every mirror and returns the fastest answer.
func first(mirrors []string) string {
	answers := make(chan string) // unbuffered: a send waits for a receiver
	for i, m := range mirrors {
		go func() {
			time.Sleep(time.Duration(i+1) * 50 * time.Millisecond)
			answers <- m // only the first send is ever received
		}()
	}
	return <-answers
}

func main() {
	fmt.Println("fastest:", first([]string{"eu", "us", "asia"}))
	time.Sleep(200 * time.Millisecond) // the losers are now stuck for good
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
