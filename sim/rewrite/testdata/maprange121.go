//go:build go1.21

package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	var fs []func()
	for k, v := range m {
		fs = append(fs, func() { fmt.Println(k, v) })
	}
	for _, f := range fs {
		f()
	}
	var key string
	var n int
outer:
	for key, n = range m {
		if n > 1 {
			continue outer
		}
		fmt.Println(key)
	}
	for _, v := range m {
		fmt.Println(v)
	}
	for k := range m {
		k := k + "!"
		fmt.Println(k)
	}
}
