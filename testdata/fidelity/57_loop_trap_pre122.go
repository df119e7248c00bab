//go:build go1.21

// Checks: before Go 1.22 every iteration shares one loop variable; the
// goroutines read it whenever they run, on another CPU even mid-loop.
// vet: loop variable val captured by func literal
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, val := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(val)
		}()
	}
	wg.Wait()
}
