// Checks: ranging over a slice reads each element as the loop reaches it: a goroutine writing the elements meanwhile is a data race at the for line, and the sum can mix old and new values.
package main

import (
	"fmt"
	"sync"
)

func main() {
	s := []int{1, 1, 1}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range s {
			s[i] = 10
		}
	})
	sum := 0
	for _, v := range s {
		sum += v
	}
	wg.Wait()
	fmt.Println("sum:", sum)
}
