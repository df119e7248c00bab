// Checks: a panic in an errgroup task is not returned by Wait: the program crashes (maybe after Wait returned).
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.Go(func() error {
		panic("task panicked")
	})
	fmt.Println("Wait:", g.Wait())
}
