// Checks: multiple assignments to shared variables under a mutex (a swap, a pair of fields, a map entry and a counter) are not races, and Go's order holds: the left side's index is taken before any assignment (i, s[i] = 1, 9 writes s[0]).
package main

import (
	"fmt"
	"sync"
)

type pair struct{ x, y int }

func main() {
	var mu sync.Mutex
	a, b := 1, 2
	p := &pair{3, 4}
	m := map[string]int{}
	s := []int{0, 0}
	i, n := 0, 0
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			a, b = b, a
			p.x, p.y = p.y, p.x
			m["k"], n = n, n+1
		})
	}
	wg.Wait()
	i, s[i] = 1, 9
	fmt.Println(a, b, *p, m["k"], n, i, s)
}
