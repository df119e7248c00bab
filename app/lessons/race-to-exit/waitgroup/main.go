package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(50 * time.Millisecond) // pretend to work
		fmt.Println("Finished!")
	}()
	wg.Wait()
	fmt.Println("Exiting...")
}
