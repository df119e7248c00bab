package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("working")
		wg.Done() // one Done too many: the deferred one makes it -1
	}()
	wg.Wait()
	fmt.Println("all done")
}
