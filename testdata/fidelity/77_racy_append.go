// Checks: appending to one slice from many goroutines with no lock races and can lose elements.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var results []int
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results = append(results, i)
		}()
	}
	wg.Wait()
	fmt.Println("results:", len(results))
}
