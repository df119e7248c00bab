package main

import "fmt"

type Stream chan int

func producer(out chan<- int, n int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func consumer(in <-chan int, done chan struct{}) {
	for v := range in {
		fmt.Println("got", v)
	}
	done <- struct{}{}
}

func pipe(chans []chan string) <-chan string { return chans[0] }

func main() {
	ch := make(chan int)
	buf := make(chan string, 2)
	var size int64 = 3
	big := make(Stream, size)
	done := make(chan struct{})
	go producer(ch, 3)
	go consumer(ch, done)
	<-done
	buf <- "a"
	buf <- "b"
	fmt.Println(len(buf), cap(buf), len(big), cap(big))
	s, ok := <-buf
	fmt.Println(s, ok)
	var t, ok2 = <-buf
	fmt.Println(t, ok2)
	close(buf)
	if v, ok := <-buf; !ok {
		fmt.Println("closed", v == "")
	}
	nested := make(chan chan<- int, 1)
	nested <- (chan<- int)(big)
	(<-nested) <- 7
	fmt.Println(<-big + 1)
	var r <-chan string = pipe([]chan string{make(chan string, 1)})
	fmt.Println(r == nil)
}
