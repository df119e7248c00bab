// Checks: sleeps order the workers only on an idle machine; when timers
// fire late, several at once, the last one readied runs first.
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
			time.Sleep(time.Duration(id) * 10 * time.Millisecond)
			fmt.Println("worker", id)
		}(i)
	}
	wg.Wait()
}
