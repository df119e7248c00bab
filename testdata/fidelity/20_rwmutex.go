// Checks: RWMutex: readers share the lock, a writer waits for them and excludes them.
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
	rw.RLock() // two readers at once
	wg.Add(1)
	go func() {
		defer wg.Done()
		rw.Lock() // waits for both readers
		fmt.Println("writer in")
		rw.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("readers out")
	rw.RUnlock()
	rw.RUnlock()
	wg.Wait()
	rw.RLock()
	fmt.Println("reader in again")
	rw.RUnlock()
}
