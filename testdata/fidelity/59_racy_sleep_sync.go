// Checks: sleep used as synchronisation: main hopes 20ms is enough for
// 10ms of work; on a slow machine it is not.
package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(10 * time.Millisecond) // pretend to work
		fmt.Println("work done")
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main exits")
}
