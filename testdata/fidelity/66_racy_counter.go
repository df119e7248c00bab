// Checks: 100 goroutines doing counter++ with no lock race: updates can be lost on many cores, and -race reports it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter)
}
