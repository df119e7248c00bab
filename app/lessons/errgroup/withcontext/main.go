package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, url string, took time.Duration) error {
	select {
	case <-time.After(took):
	case <-ctx.Done(): // a sibling failed: stop early
		fmt.Println(url, "stopped:", ctx.Err())
		return ctx.Err()
	}
	if url == "/b" {
		return errors.New("fetch /b: 404 not found")
	}
	fmt.Println(url, "ok")
	return nil
}

func main() {
	g, ctx := errgroup.WithContext(context.Background())
	for i, url := range []string{"/a", "/b", "/c"} {
		g.Go(func() error {
			return fetch(ctx, url, time.Duration(i+1)*20*time.Millisecond)
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("error:", err)
	}
}
