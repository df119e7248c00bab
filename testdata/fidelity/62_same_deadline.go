// Checks: three workers sleeping the same 10ms: the timers fire at once,
// and who prints first is up to the scheduler.
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
		go func(id int) {
			defer wg.Done()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("worker", id)
		}(i)
	}
	wg.Wait()
}
