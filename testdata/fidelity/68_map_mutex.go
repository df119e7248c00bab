// Checks: the same map writes under a Mutex never fail and never race.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			m[i] = i * i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("entries:", len(m))
}
