// Checks: Done without Add panics with "sync: negative WaitGroup counter".
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	fmt.Println("before")
	wg.Done()
	fmt.Println("never printed")
}
