//go:build go1.21

// Checks: under Go 1.21 rules one loop variable is shared, so goroutines see its last value.
// vet: loop variable v captured by func literal
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, v := range []int{1, 2, 3} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(v)
		}()
	}
	wg.Wait()
}
