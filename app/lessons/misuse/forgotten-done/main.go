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
		go func() {
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			if i == 2 {
				fmt.Println("worker 2: nothing to do")
				return // oops: this path never calls Done
			}
			fmt.Println("worker", i, "done")
			wg.Done()
		}()
	}
	wg.Wait() // the counter never gets back to 0
	fmt.Println("all done")
}
