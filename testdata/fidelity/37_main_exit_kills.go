// Checks: when main returns, running goroutines are stopped mid-work.
package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 1; i <= 3; i++ {
		go func() {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			fmt.Println("worker", i, "done")
		}()
	}
	time.Sleep(15 * time.Millisecond)
	fmt.Println("main returns")
}
