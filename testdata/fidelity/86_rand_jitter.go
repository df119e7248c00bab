// Checks: three workers sleep a random 0–2 ms (rand.IntN) before printing: any order can be printed, and the same seed gives the same run.
package main

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			time.Sleep(time.Duration(rand.IntN(3)) * time.Millisecond)
			fmt.Println("worker", i)
		})
	}
	wg.Wait()
}
