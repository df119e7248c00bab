// Checks: Go 1.23+ timers: Stop and Reset of an expired timer whose value was never received report true and discard it.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("Stop after expiry:", t.Stop())
	fmt.Println("Stop again:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value received")
	default:
		fmt.Println("nothing to receive")
	}

	u := time.NewTimer(10 * time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	start := time.Now()
	fmt.Println("Reset after expiry:", u.Reset(30*time.Millisecond))
	<-u.C
	fmt.Println("fired after the new duration:", time.Since(start) >= 30*time.Millisecond)
	fmt.Println("Reset after receive:", u.Reset(time.Millisecond))
	<-u.C

	f := time.AfterFunc(10*time.Millisecond, func() {})
	time.Sleep(20 * time.Millisecond)
	fmt.Println("AfterFunc Stop after it ran:", f.Stop())
}
