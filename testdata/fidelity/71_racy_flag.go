// Checks: a flag and a result written with no synchronisation, read after a sleep: a data race even though it usually prints 42.
package main

import (
	"fmt"
	"time"
)

func main() {
	result, ready := 0, false
	go func() {
		result = 42
		ready = true
	}()
	time.Sleep(10 * time.Millisecond)
	if ready {
		fmt.Println("result:", result)
	} else {
		fmt.Println("not ready")
	}
}
