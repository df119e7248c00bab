package main

import (
	"fmt"
	"time"
)

func first(a, b chan int) int {
	select {
	case v := <-a:
		return v
	case v, ok := <-b:
		if !ok {
			return -1
		}
		return v
	}
}

func forever() int {
	select {}
}

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	out := make(chan string, 1)
	a <- 1
	fmt.Println(first(a, b))
	var got int
	var ok bool
	vals := []int{0}
	select {
	case got = <-a:
	case vals[0], ok = <-b:
		fmt.Println(ok)
	case out <- fmt.Sprint("x", got):
		fmt.Println("sent")
	case <-time.After(time.Second):
		fmt.Println("timeout")
	default:
		fmt.Println("nothing ready")
	}
	select {
	default:
		fmt.Println("only default")
	}
loop:
	for {
		select {
		case s := <-out:
			fmt.Println(s)
		case <-time.After(10 * time.Millisecond):
			break loop
		}
	}
	if got > 100 {
		forever()
	}
}
