// Checks: Add for a new round while a waiter of the old round has not woken up panics.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait()
		fmt.Println("waiter woke up")
	}()
	time.Sleep(5 * time.Millisecond)
	wg.Done()
	wg.Add(1) // next round, too early
	time.Sleep(5 * time.Millisecond)
	fmt.Println("main done")
}
