package main

import "fmt"

type counts map[string]int

func main() {
	m := map[string]int{"a": 1, "b": 2}
	for k, v := range m {
		fmt.Println(k, v)
	}
	var c counts = m
outer:
	for k := range c {
		for _, v := range m {
			if v > 1 {
				continue outer
			}
		}
		fmt.Println(k)
	}
	for range m { // the order cannot be seen: left alone
	}
	for _, _ = range m {
	}
}
