// Checks: sync.Cond: a one-slot mailbox whose sender Waits while it is full and receiver while it is empty (Signal), then one Broadcast wakes every waiting worker in Go's order; a WaitGroup waits for them.
package main

import (
	"fmt"
	"sync"
	"time"
)

type mailbox struct {
	mu   sync.Mutex
	cond *sync.Cond
	full bool
	v    int
}

func main() {
	m := &mailbox{}
	m.cond = sync.NewCond(&m.mu)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; i <= 3; i++ {
			m.mu.Lock()
			for m.full {
				m.cond.Wait()
			}
			m.v, m.full = i, true
			m.cond.Signal()
			m.mu.Unlock()
		}
	}()
	for range 3 {
		m.mu.Lock()
		for !m.full {
			m.cond.Wait()
		}
		fmt.Println("got", m.v)
		m.full = false
		m.cond.Signal()
		m.mu.Unlock()
	}
	wg.Wait()

	var mu sync.Mutex
	start := sync.NewCond(&mu)
	open := false
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			for !open {
				start.Wait()
			}
			mu.Unlock()
			fmt.Println("worker", i, "started")
		}()
	}
	time.Sleep(10 * time.Millisecond) // the workers are waiting
	mu.Lock()
	open = true
	start.Broadcast()
	mu.Unlock()
	wg.Wait()
	fmt.Println("all started")
}
