// Checks: a timer set beyond the clock's range never fires before a near one (Go clamps the deadline).
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	time.Sleep(time.Millisecond)
	go func() {
		time.Sleep(math.MaxInt64)
		fmt.Println("292 years later")
	}()
	far := time.NewTimer(math.MaxInt64)
	select {
	case <-far.C:
		fmt.Println("far timer fired")
	case <-time.After(time.Second):
		fmt.Println("one second later")
	}
}
