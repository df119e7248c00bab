// Checks: sync.Once publishes what its function wrote to every caller: no race.
package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
)

func load() map[string]string {
	once.Do(func() {
		config = map[string]string{"mode": "fast"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = load()["mode"]
		}()
	}
	wg.Wait()
	fmt.Println("mode:", load()["mode"])
}
