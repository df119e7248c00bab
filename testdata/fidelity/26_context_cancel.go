// Checks: cancel() closes ctx.Done(); a worker selecting on it exits with context.Canceled.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				fmt.Println("worker stopped:", ctx.Err())
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	time.Sleep(25 * time.Millisecond)
	cancel()
	<-done
	fmt.Println("main done")
}
