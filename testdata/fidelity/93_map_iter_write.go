// Checks: ranging over a map while another goroutine writes it: Go's "fatal error: concurrent map iteration and map write" when an iteration step finds the write in progress, a data race always.
package main

import "fmt"

func main() {
	m := map[int]int{}
	for i := range 64 {
		m[i] = i
	}
	started, done := make(chan bool), make(chan bool)
	go func() {
		close(started)
		for i := range 20000 {
			m[i%64] = i
		}
		close(done)
	}()
	<-started
	sum := 0
	for range 20 {
		for _, v := range m {
			sum += v
		}
	}
	<-done
	fmt.Println("done")
}
