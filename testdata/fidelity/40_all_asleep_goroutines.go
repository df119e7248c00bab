// Checks: when every goroutine is blocked (main on Wait, a worker on a receive), Go reports a deadlock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("worker waiting for a value")
		<-ch
	}()
	wg.Wait()
}
