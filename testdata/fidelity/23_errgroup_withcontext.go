// Checks: errgroup.WithContext cancels the context at the first error; siblings watching it stop.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	g.Go(func() error {
		time.Sleep(5 * time.Millisecond)
		return errors.New("boom")
	})
	g.Go(func() error {
		select {
		case <-time.After(time.Second):
			fmt.Println("sibling finished")
		case <-ctx.Done():
			fmt.Println("sibling stopped:", ctx.Err())
		}
		return nil
	})
	fmt.Println("Wait:", g.Wait())
	fmt.Println("cause:", context.Cause(ctx))
}
