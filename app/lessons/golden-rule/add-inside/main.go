package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		go func() {
			wg.Add(1) // too late: main may already be in Wait
			defer wg.Done()
			time.Sleep(time.Duration(i) * 50 * time.Millisecond)
			fmt.Println("worker", i, "done")
		}()
	}
	wg.Wait()
	fmt.Println("all done?")
}
