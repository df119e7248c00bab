// Checks: main goes on printing after a go statement; on another CPU the
// new goroutine can print between any two of main's lines.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("goroutine")
	}()
	fmt.Println("main 1")
	fmt.Println("main 2")
	wg.Wait()
	fmt.Println("main 3")
}
