package main

import (
	"errors"
	"fmt"
)

var ErrBoom = errors.New("boom")

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func mustPositive(n int) int {
	if n > 0 {
		return n
	}
	panic(ErrBoom)
}

func main() {
	defer fmt.Println("deferred in main")
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println(safe(func() { panic("inner") }))
	fmt.Println(safe(func() { mustPositive(-1) }))
	ch := make(chan int)
	defer close(ch)
	fmt.Println(mustPositive(2))
}
