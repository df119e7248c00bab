// Checks: errgroup.Group.Wait returns the first error; the other tasks still run to the end.
package main

import (
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	for i := 1; i <= 3; i++ {
		g.Go(func() error {
			time.Sleep(time.Duration(i) * 5 * time.Millisecond)
			if i >= 2 {
				return fmt.Errorf("task %d failed", i)
			}
			fmt.Println("task", i, "ok")
			return nil
		})
	}
	fmt.Println("Wait:", g.Wait())
}
