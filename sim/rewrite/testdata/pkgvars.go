package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	counter int
	total   = base * 2
	base    = compute()
	results = make(chan int, 10)
	names   []string
	_       = register("blank")
	a, b    = pair()
)

var handler = func(x int) int { return x + 1 }

func compute() int { return 21 }

func pair() (int, string) { return 1, "one" }

func register(name string) bool {
	names = append(names, name)
	return true
}

func init() {
	names = append(names, "init1")
}

func init() {
	counter = handler(counter)
}

func main() {
	mu.Lock()
	counter++
	mu.Unlock()
	results <- total
	fmt.Println(counter, <-results, names, a, b)
}
