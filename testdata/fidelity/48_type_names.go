// Checks: %T, %#v and panic values name the program's types main.T, as Go does.
package main

import "fmt"

type Point struct{ X, Y int }

type code string

type celsius float64

func main() {
	p := Point{1, 2}
	fmt.Printf("%T %#v %v\n", p, p, p)
	fmt.Printf("%T %#v\n", &p, []Point{p})
	fmt.Printf("%T %#v\n", map[string]celsius{"x": 1.5}, celsius(20))
	fmt.Println(fmt.Sprintf("%T", code("x")))
	panic(code("boom"))
}
