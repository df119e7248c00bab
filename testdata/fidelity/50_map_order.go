// Checks: a range over a small map visits its entries in one of the orders Go gives (rotations of one order), reproducibly per seed in the simulator.
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	for k, v := range m {
		fmt.Print(k, "=", v, " ")
	}
	fmt.Println()
}
