// Checks: a forgotten Done leaves Wait blocked forever: Go's deadlock error.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("worker 1 done")
	}()
	go func() {
		fmt.Println("worker 2 forgot Done")
	}()
	wg.Wait()
}
