// Checks: a blocked RWMutex.Lock keeps new readers out; its Unlock lets the waiting readers in before the next writer.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	rw.RLock()
	wg.Go(func() {
		rw.Lock()
		fmt.Println("writer 1")
		time.Sleep(10 * time.Millisecond)
		rw.Unlock()
	})
	time.Sleep(10 * time.Millisecond)
	fmt.Println("TryRLock while a writer waits:", rw.TryRLock())
	wg.Go(func() {
		rw.RLock()
		fmt.Println("reader 2")
		time.Sleep(10 * time.Millisecond)
		rw.RUnlock()
	})
	time.Sleep(10 * time.Millisecond)
	wg.Go(func() {
		rw.Lock()
		fmt.Println("writer 2")
		rw.Unlock()
	})
	time.Sleep(10 * time.Millisecond)
	fmt.Println("reader 1 out")
	rw.RUnlock()
	wg.Wait()
}
