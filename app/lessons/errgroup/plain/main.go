package main

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"
)

func fetch(url string, took time.Duration) error {
	time.Sleep(took) // no context: nobody can stop this early
	if url == "/b" {
		return errors.New("fetch /b: 404 not found")
	}
	fmt.Println(url, "ok")
	return nil
}

func main() {
	var g errgroup.Group
	for i, url := range []string{"/a", "/b", "/c"} {
		g.Go(func() error {
			return fetch(url, time.Duration(i+1)*20*time.Millisecond)
		})
	}
	if err := g.Wait(); err != nil {
		fmt.Println("error:", err)
	}
}
