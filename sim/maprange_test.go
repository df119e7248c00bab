package sim_test

import (
	"strings"
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/trace"
)

// mapProg ranges over a small and a large map, deleting and adding
// entries on the way, and prints the orders.
func mapProg() {
	small := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
	for k, v := range sim.Range(small, "small", 1) {
		fmt.Print(k, v, " ")
	}
	fmt.Println()
	large := map[int]bool{}
	for i := range 12 {
		large[i] = true
	}
	for k := range sim.Range(large, "large", 1) {
		fmt.Print(k, " ")
	}
	fmt.Println()
	seen := 0
	for k := range sim.Range(small, "small", 1) {
		seen++
		for _, other := range []string{"a", "b", "c", "d", "e"} {
			if other != k {
				delete(small, other) // not yet reached: never produced
			}
		}
		small["z"+k] = 0 // added during the loop: not produced
	}
	fmt.Println("entries seen after deleting the others:", seen)
}

// TestMapOrderFromSeed: a range over a map (sim.Range, what the rewriter
// makes of it) visits the entries in an order that comes from the seed:
// the same seed gives the same output every time, other seeds other
// orders; a small map's orders are rotations of one order, as on Go.
func TestMapOrderFromSeed(t *testing.T) {
	smallOrders := map[string]bool{}
	largeOrders := map[string]bool{}
	for seed := int64(0); seed < 40; seed++ {
		var first string
		for i := 0; i < 5; i++ {
			tr := run(t, mapProg, sim.Options{Seed: seed})
			checkOutcome(t, tr.Outcome, tr.Outcome.Output, trace.ExitOK, "")
			if i == 0 {
				first = tr.Outcome.Output
			} else if tr.Outcome.Output != first {
				t.Fatalf("seed %d: run %d printed %q, the first %q", seed, i, tr.Outcome.Output, first)
			}
		}
		lines := strings.Split(first, "\n")
		smallOrders[lines[0]] = true
		largeOrders[lines[1]] = true
		if got, want := lines[2], "entries seen after deleting the others: 1"; got != want {
			t.Errorf("seed %d: %q, want %q", seed, got, want)
		}
	}
	rotations := map[string]bool{}
	base := []string{"a1 ", "b2 ", "c3 ", "d4 ", "e5 "}
	for i := range base {
		rotations[strings.Join(append(append([]string{}, base[i:]...), base[:i]...), "")] = true
	}
	for o := range smallOrders {
		if !rotations[o] {
			t.Errorf("small map order %q is not a rotation of the insertion order", o)
		}
	}
	if len(smallOrders) != 5 {
		t.Errorf("40 seeds gave %d orders of the small map, want all 5 rotations: %v", len(smallOrders), smallOrders)
	}
	if len(largeOrders) < 20 {
		t.Errorf("40 seeds gave only %d orders of the 12-entry map", len(largeOrders))
	}
}
