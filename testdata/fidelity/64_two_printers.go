// Checks: two goroutines print three lines each with no synchronisation
// between them: on several CPUs their lines interleave in any order.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= 3; i++ {
				fmt.Println(name, i)
			}
		}()
	}
	wg.Wait()
}
