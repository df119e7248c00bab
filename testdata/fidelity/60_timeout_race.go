// Checks: a result due after 10ms against a 50ms timeout: the result wins
// unless the machine stalls.
package main

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		result <- "result"
	}()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout")
	}
}
