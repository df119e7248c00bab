package main

import "fmt"

func main() {
	words := make(chan string)
	go func() {
		defer close(words) // tell the receiver: no more values
		for _, w := range []string{"one", "two", "three"} {
			words <- w
		}
	}()
	for w := range words { // ends when words is closed and drained
		fmt.Println("got", w)
	}
	w, ok := <-words // a closed channel gives the zero value at once
	fmt.Printf("after close: %q, ok=%v\n", w, ok)
}
