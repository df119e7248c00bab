package main

import (
	"fmt"
	"math/rand"
	"os"
	"runtime"
	"strings"
)

type Flag bool

type Level int64

func show(f float64, b Flag, l Level, s fmt.Stringer, rest ...any) {
	fmt.Println(f, b, l, s, len(rest))
}

type name string

func (n name) String() string { return strings.ToUpper(string(n)) }

func main() {
	x, shift := 3, 2
	go show(1, x > 2, 1<<shift, name("n"), nil, 'r', x)
	go show(2.5, !(x > 2), Level(x), nil)
	runtime.Gosched()
	fmt.Println(rand.Intn(1) == 0)
	if len(os.Args) > 5 {
		os.Exit(3)
	}
}
