package main

import (
	"fmt"
	"sync"
)

var a, b = 1, 2

type pair struct{ x, y int }

func main() {
	s := []int{1, 2, 3}
	m := map[string]int{}
	p := &pair{1, 2}
	i := 0
	var wg sync.WaitGroup
	wg.Go(func() {
		a, b = b, a
		s[i], s[2] = s[2], s[i]
		m["x"], i = 7, 1
		p.x, p.y = p.y, p.x
		i, s[i] = 2, 9
	})
	wg.Wait()
	sum := 0
	for _, v := range s {
		sum += v
	}
	for k, v := range &[2]int{p.x, p.y} {
		fmt.Println(k, v)
	}
	dst := make([]int, len(s))
	n := copy(dst, s)
	clear(m)
	clear(dst)
	fmt.Println(a, b, s, m, i, sum, n, *p)
}
