// Checks: log without a timestamp (SetFlags(0)) and with a prefix writes to stderr; log.Fatalf prints its line and exits with status 1, running no deferred call.
package main

import (
	"fmt"
	"log"
	"sync"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("sum: ")
	defer fmt.Println("deferred: never printed")
	results := make(chan int, 3)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() { results <- i * i })
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
	if sum != 0 {
		log.Fatalf("sum is %d, giving up", sum)
	}
	fmt.Println("not reached")
}
