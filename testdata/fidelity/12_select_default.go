// Checks: select with default never blocks: sends to a full channel and receives from an empty one fall through.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	for i := 1; i <= 3; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full, dropped", i)
		}
	}
	for range 2 {
		select {
		case v := <-ch:
			fmt.Println("received", v)
		default:
			fmt.Println("empty")
		}
	}
}
