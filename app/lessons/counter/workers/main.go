package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done() // runs even if the work panics

	fmt.Printf("Worker %d starting\n", id)
	time.Sleep(time.Duration(id) * 10 * time.Millisecond)
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	wg.Wait() // blocks until the counter is back to 0
	fmt.Println("All workers done")
}
