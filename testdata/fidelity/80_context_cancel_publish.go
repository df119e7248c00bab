// Checks: a value written before cancel() is seen after <-ctx.Done() with no race; a sleeping reader is not ordered.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var answer string
	go func() {
		answer = "forty-two"
		cancel()
	}()
	<-ctx.Done()
	fmt.Println("answer:", answer)
	time.Sleep(time.Millisecond)
}
