// Checks: time.AfterFunc runs later in its own goroutine; Stop before it fires cancels it.
package main

import (
	"fmt"
	"time"
)

func main() {
	fired := make(chan string, 2)
	time.AfterFunc(10*time.Millisecond, func() { fired <- "first" })
	t := time.AfterFunc(20*time.Millisecond, func() { fired <- "second" })
	fmt.Println("stopped:", t.Stop())
	fmt.Println("fired:", <-fired)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("pending:", len(fired))
}
