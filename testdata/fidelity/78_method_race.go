// Checks: a pointer method that increments a field with no lock races: fields reached through pointers are shared.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	hits int
}

func (s *stats) hit() { s.hits++ }

func main() {
	s := &stats{}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.hit()
		}()
	}
	wg.Wait()
	fmt.Println("hits:", s.hits)
}
