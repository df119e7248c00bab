// Checks: runtime.Gosched lets another goroutine run; runtime.NumGoroutine counts live ones.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	stop := make(chan struct{})
	for range 3 {
		go func() { <-stop }()
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	go fmt.Println("hello from a goroutine")
	runtime.Gosched()
	fmt.Println("after Gosched")
	close(stop)
}
