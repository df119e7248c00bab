// Checks: sync values print as Go's own types do under %v, %+v and %#v, locked or not.
package main

import (
	"fmt"
	"sync"
)

type counter struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	wg   sync.WaitGroup
	once sync.Once
	n    int
}

func main() {
	var s counter
	for _, f := range []string{"%v", "%+v"} {
		fmt.Printf(f+"\n", &s)
	}
	fmt.Printf("%#v\n%#v\n%#v\n%#v\n", &s.mu, &s.rw, &s.wg, &s.once)
	s.mu.Lock()
	s.wg.Add(2)
	s.once.Do(func() {})
	s.rw.RLock()
	fmt.Printf("%+v\n", &s)
	fmt.Printf("%#v\n%#v\n%#v\n%#v\n", &s.mu, &s.rw, &s.wg, &s.once)
	fmt.Println(&s.mu, &s.wg)
	s.rw.RUnlock()
	s.rw.Lock()
	fmt.Printf("%v\n", &s.rw)
}
