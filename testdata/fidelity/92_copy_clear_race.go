// Checks: copy reads every element of its source and clear writes every element: a goroutine writing the source meanwhile is a data race on each (go run -race reports both), and the copy can see either value.
package main

import (
	"fmt"
	"sync"
)

func main() {
	src := []int{1, 2, 3}
	dst := make([]int, 3)
	var wg sync.WaitGroup
	wg.Go(func() {
		src[2] = 30
	})
	n := copy(dst, src)
	wg.Wait()
	fmt.Println(n, dst)
	wg.Go(func() {
		fmt.Println("sees", dst[0])
	})
	clear(dst)
	wg.Wait()
}
