package main

import (
	"fmt"
	"sync"
)

type server struct{ name string }

func (s *server) run(wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("run", s.name)
}

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func sum(scale float64, xs ...int) {
	fmt.Println(scale, len(xs))
}

func pair() (int, string) { return 1, "a" }

func two(n int, s string) { fmt.Println(n, s) }

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, &wg)
	}
	s := server{name: "s"}
	wg.Add(1)
	go s.run(&wg)
	go sum(1, 2, 3)
	xs := []int{1, 2}
	go sum(2.5, xs...)
	go two(pair())
	f := func(msg string) { fmt.Println(msg) }
	go f("hi")
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("literal")
	}()
	go func(n int) { fmt.Println(n, n > 1) }(len(xs))
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	wg.Go(func() {
		fmt.Println("wg.Go")
	})
	wg.Wait()
}
