// Checks: goroutines writing one map with no lock can die with Go's fatal "concurrent map writes".
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println("entries:", len(m))
}
