// Checks: a, b = b, a on shared variables from two goroutines is a data race (go run -race reports it), and its reads and writes can interleave: a swap can be lost, or both variables end equal.
package main

import (
	"fmt"
	"sync"
)

var a, b = 1, 2

func main() {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			a, b = b, a
		})
	}
	wg.Wait()
	fmt.Println(a, b)
}
