package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { // Add(1), go, defer Done() in one call (Go 1.25+)
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			fmt.Println("worker", i, "done")
		})
	}
	wg.Wait()
	fmt.Println("all done")
}
