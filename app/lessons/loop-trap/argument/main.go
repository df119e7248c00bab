package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, val := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(v string) { // v is a copy, taken at the go statement
			defer wg.Done()
			fmt.Println(v)
		}(val)
	}
	wg.Wait()
}
