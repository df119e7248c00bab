//go:build go1.21

package main

import (
	"fmt"
	"sync"
)

func main() {
	s := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for i, v := range s {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(i, v)
		}()
	}
	wg.Wait()
	var x, y int
	if x, y = y, x; x == 0 {
		go func() { x++ }()
	}
	b := make([]byte, 2)
	copy(b, "hi")
outer:
	for _, c := range b {
		for _, v := range s {
			if v == string(c) {
				continue outer
			}
		}
	}
	fmt.Println(x, y, string(b))
}
