// Checks: errgroup tasks writing their own result slots, read after Wait: no race.
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	results := make([]string, 3)
	for i := range results {
		g.Go(func() error {
			results[i] = fmt.Sprintf("task %d", i)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(results)
}
