// Checks: context.WithTimeout expires with context.DeadlineExceeded before slow work finishes.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func work(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	fmt.Println("fast:", work(ctx, 5*time.Millisecond))
	err := work(ctx, 100*time.Millisecond)
	fmt.Println("slow:", err, errors.Is(err, context.DeadlineExceeded))
}
