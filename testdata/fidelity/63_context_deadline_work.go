// Checks: 10ms of work under a 30ms deadline finishes in time, unless
// the machine is slow.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	done := make(chan struct{})
	go func() {
		time.Sleep(10 * time.Millisecond)
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("finished")
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	}
}
