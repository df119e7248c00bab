// Checks: one goroutine writes a map while another reads it: Go's fatal "concurrent map read and map write" is possible.
package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{"a": 1}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range 20 {
			m["a"] = i
		}
	}()
	sum := 0
	go func() {
		defer wg.Done()
		for range 20 {
			sum += m["a"]
		}
	}()
	wg.Wait()
	fmt.Println("last:", m["a"], "read something:", sum >= 0)
}
