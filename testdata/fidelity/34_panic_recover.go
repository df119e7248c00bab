// Checks: recover in a deferred function stops a goroutine's panic; the program goes on.
package main

import (
	"errors"
	"fmt"
	"sync"
)

func safeGo(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		f()
	}()
}

func main() {
	var wg sync.WaitGroup
	safeGo(&wg, func() { panic(errors.New("bad thing")) })
	wg.Wait()
	safeGo(&wg, func() { var m map[string]int; m["x"] = 1 })
	wg.Wait()
	fmt.Println("still running")
}
