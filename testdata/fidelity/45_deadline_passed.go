// Checks: once a context's deadline has fired, time.Now() is after the deadline and time.Until(deadline) is negative.
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	deadline := time.Now().Add(20 * time.Millisecond)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err())
	fmt.Println("now after deadline:", time.Now().After(deadline))
	fmt.Println("until deadline < 0:", time.Until(deadline) < 0)

	time.Sleep(5 * time.Millisecond)
	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel2()
	d2, _ := ctx2.Deadline()
	<-ctx2.Done()
	fmt.Println("second deadline passed:", time.Now().After(d2), time.Until(d2) < 0)

	start := time.Now()
	t := time.NewTimer(10 * time.Millisecond)
	fired := <-t.C
	fmt.Println("timer value after start:", fired.After(start), "now after timer value:", time.Now().After(fired))
	time.Sleep(10 * time.Millisecond)
	fmt.Println("slept at least 10ms:", time.Since(start) >= 20*time.Millisecond)
}
