package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for batch := 1; batch <= 2; batch++ {
		wg.Add(1) // batch 2: the reporter of batch 1 may still be inside Wait
		go func() {
			wg.Wait()
			fmt.Println("reporter: batch", batch, "finished")
		}()
		time.Sleep(10 * time.Millisecond) // the reporter is now waiting
		fmt.Println("batch", batch, "done")
		wg.Done()
	}
	time.Sleep(10 * time.Millisecond)
}
