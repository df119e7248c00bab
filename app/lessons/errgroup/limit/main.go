package main

import (
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.SetLimit(2) // at most two jobs in flight; Go blocks until a slot frees
	for i := 1; i <= 5; i++ {
		g.Go(func() error {
			time.Sleep(time.Duration(i) * 20 * time.Millisecond)
			if i == 3 {
				return fmt.Errorf("job %d failed", i)
			}
			fmt.Println("job", i, "done")
			return nil
		})
	}
	fmt.Println("error:", g.Wait())
}
