//go:build go1.21

// Checks: in a pre-1.22 file, a range over a map shares its variables (every closure sees the last entry), the order from the seed.
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	var fs []func()
	for k, v := range m {
		fs = append(fs, func() { fmt.Print(k, v, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
