package main

import (
	"fmt"
	"time"
)

// How long the background work takes. Try 150ms: main gives up first.
const work = 50 * time.Millisecond

func main() {
	go func() {
		time.Sleep(work) // pretend to work
		fmt.Println("Finished!")
	}()
	time.Sleep(100 * time.Millisecond) // hope that is long enough
	fmt.Println("Exiting...")
}
