// Checks: under Go 1.22+ rules each iteration has its own variable: every value once.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 5 * time.Millisecond)
			fmt.Println(i)
		}()
	}
	wg.Wait()
}
