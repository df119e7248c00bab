// Checks: data handed over by channel sends, a buffered semaphore and close is never raced on.
package main

import (
	"fmt"
)

type job struct{ in, out int }

func main() {
	jobs := make(chan *job)
	done := make(chan struct{})
	sem := make(chan struct{}, 2)
	total := 0
	go func() {
		for j := range jobs {
			j.out = j.in * 2
			total += j.out
		}
		close(done)
	}()
	for i := range 5 {
		sem <- struct{}{}
		jobs <- &job{in: i}
		<-sem
	}
	close(jobs)
	<-done
	fmt.Println("total:", total)
}
