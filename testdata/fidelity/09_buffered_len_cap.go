// Checks: a buffered channel takes sends without a receiver until full; len and cap.
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	fmt.Println("len", len(ch), "cap", cap(ch))
	ch <- "c"
	fmt.Println(<-ch, <-ch, <-ch, len(ch))
}
