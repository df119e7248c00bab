// Checks: math/rand/v2: a generator the program seeds (rand.New(rand.NewPCG(1, 2))) gives Go's own numbers; the global functions (IntN, N, Float64, Perm, Shuffle) stay in range whatever their seed.
package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println("seeded:", r.IntN(100), r.IntN(100), r.Perm(5))
	var mu sync.Mutex
	var draws []int
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			d := rand.N(3 * time.Millisecond)
			time.Sleep(d)
			mu.Lock()
			draws = append(draws, rand.IntN(10))
			mu.Unlock()
		})
	}
	wg.Wait()
	inRange := len(draws) == 4
	for _, d := range draws {
		inRange = inRange && d >= 0 && d < 10
	}
	f := rand.Float64()
	p := rand.Perm(5)
	rand.Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	slices.Sort(p)
	fmt.Println("draws in range:", inRange, "float in range:", f >= 0 && f < 1, "perm:", p)
}
