// Checks: range over a channel ends when it is closed; a closed channel then yields zero values.
package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 1; i <= 3; i++ {
			ch <- i * i
		}
	}()
	for v := range ch {
		fmt.Println(v)
	}
	v, ok := <-ch
	fmt.Println("after close:", v, ok)
}
