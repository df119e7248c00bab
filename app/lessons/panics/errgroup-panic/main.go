package main

import (
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	g.Go(func() error {
		time.Sleep(10 * time.Millisecond)
		return nil
	})
	g.Go(func() error {
		time.Sleep(20 * time.Millisecond)
		panic("task 2 failed badly") // not an error: Wait cannot return it
	})
	err := g.Wait()
	fmt.Println("Wait returned:", err)
}
