// Checks: when several select cases are ready, one is chosen at random.
package main

import "fmt"

func main() {
	a, b := make(chan string, 1), make(chan string, 1)
	a <- "a"
	b <- "b"
	select {
	case v := <-a:
		fmt.Println("chose", v)
	case v := <-b:
		fmt.Println("chose", v)
	}
}
