package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		go func() {
			wg.Add(1) // bug: Add belongs before the go statement
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("all done")
}
