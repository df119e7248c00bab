package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(2)
	for i := 0; i < 3; i++ {
		g.Go(func() error {
			if i == 1 {
				return errors.New("task failed")
			}
			select {
			case <-gctx.Done():
				return gctx.Err()
			case <-time.After(time.Duration(i) * time.Millisecond):
				return nil
			}
		})
	}
	fmt.Println(g.Wait())
	sem := semaphore.NewWeighted(2)
	if err := sem.Acquire(ctx, 1); err != nil {
		fmt.Println(err)
		return
	}
	defer sem.Release(1)
	ticker := time.NewTicker(time.Millisecond)
	defer ticker.Stop()
	<-ticker.C
	timer := time.NewTimer(time.Hour)
	select {
	case <-timer.C:
	case <-ctx.Done():
		fmt.Println(context.Cause(ctx))
	}
}
