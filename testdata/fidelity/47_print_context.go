// Checks: contexts print as Go's do: the chain of their parents' names, WithCancel, WithValue(key, value), WithoutCancel.
package main

import (
	"context"
	"fmt"
)

type key string

func main() {
	bg := context.Background()
	c1, cancel1 := context.WithCancel(bg)
	defer cancel1()
	c2 := context.WithValue(c1, key("user"), "gopher")
	c3, cancel3 := context.WithCancelCause(c2)
	defer cancel3(nil)
	fmt.Println(c1)
	fmt.Println(c2)
	fmt.Printf("%v|%s\n", c3, context.WithoutCancel(c3))
	fmt.Println(context.WithValue(context.TODO(), "n", 42))
}
