//go:build go1.21

package main

import (
	"fmt"
	"sync"
)

// The build line above makes this file use Go 1.21 rules:
// one variable val, shared by every iteration.
func main() {
	var wg sync.WaitGroup
	for _, val := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(val) // reads the shared val when it runs
		}()
	}
	wg.Wait()
}
