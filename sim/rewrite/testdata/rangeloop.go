package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	ch <- "c"
	close(ch)
	var wg sync.WaitGroup
	for v := range ch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(v)
		}()
	}
	wg.Wait()
	nums := make(chan int, 2)
	nums <- 1
	nums <- 2
	close(nums)
	var last int
outer:
	for last = range nums {
		for range 2 {
			if last == 2 {
				break outer
			}
			continue outer
		}
	}
	fmt.Println(last)
	empty := make(chan int)
	close(empty)
	for range empty {
	}
	for v := range empty {
		v := v * 2
		fmt.Println(v)
	}
}
