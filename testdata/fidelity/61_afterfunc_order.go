// Checks: two AfterFunc callbacks, 10ms apart, each on its own goroutine.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	time.AfterFunc(10*time.Millisecond, func() { defer wg.Done(); fmt.Println("first") })
	time.AfterFunc(20*time.Millisecond, func() { defer wg.Done(); fmt.Println("second") })
	wg.Wait()
}
