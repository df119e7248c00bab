// Checks: a ticker loop without an exit path outlives its caller (NumGoroutine grows).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func poll() {
	go func() {
		for range time.Tick(5 * time.Millisecond) {
		}
	}()
}

func main() {
	for range 3 {
		poll()
	}
	time.Sleep(12 * time.Millisecond)
	fmt.Println("goroutines:", runtime.NumGoroutine())
}
