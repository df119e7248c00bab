// Checks: select with time.After: the faster of a result and a timeout wins.
package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration) chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- "result after " + d.String()
	}()
	return ch
}

func main() {
	for _, d := range []time.Duration{5 * time.Millisecond, 50 * time.Millisecond} {
		select {
		case r := <-slow(d):
			fmt.Println(r)
		case <-time.After(20 * time.Millisecond):
			fmt.Println("timeout")
		}
	}
}
