package main

import (
	"fmt"
	"sync"
)

// Since Go 1.22 each iteration has its own val.
func main() {
	var wg sync.WaitGroup
	for _, val := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(val)
		}()
	}
	wg.Wait()
}
