// Checks: sync.Once runs its function exactly once, and every caller waits for it.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	config := ""
	for range 3 {
		wg.Go(func() {
			once.Do(func() {
				config = "loaded"
				fmt.Println("loading config")
			})
			if config != "loaded" {
				fmt.Println("saw config too early")
			}
		})
	}
	wg.Wait()
	fmt.Println("config:", config)
}
