// Checks: Add inside the new goroutine races with Wait (usually Wait wins).
// vet: WaitGroup.Add called from inside new goroutine
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("wait returned")
}
