// Checks: main returns while a never-stopped ticker is live and a goroutine is blocked forever: the program ends.
package main

import (
	"fmt"
	"time"
)

func main() {
	_ = time.NewTicker(20 * time.Millisecond)
	block := make(chan int)
	go func() { <-block }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main returns")
}
