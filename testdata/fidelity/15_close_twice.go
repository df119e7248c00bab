// Checks: closing a closed channel panics with "close of closed channel".
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	fmt.Println("closed once")
	close(ch)
}
