//go:build go1.21

// Checks: under Go 1.21 rules, passing the loop variable as an argument copies it at the go statement.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			time.Sleep(time.Duration(n) * 5 * time.Millisecond)
			fmt.Println(n)
		}(i)
	}
	wg.Wait()
}
