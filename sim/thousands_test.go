package sim_test

import (
	"fmt"
	"testing"

	"lanes/sim"
)

func TestThousands(t *testing.T) {
	for _, tc := range []struct {
		desc string
		n    int
		want string
	}{
		{"zero", 0, "0"},
		{"three digits", 999, "999"},
		{"one comma", 1000, "1,000"},
		{"zeros inside", 20004, "20,004"},
		{"two commas", 1234567, "1,234,567"},
		{"negative", -1500, "-1,500"},
	} {
		if got := sim.Thousands(tc.n); got != tc.want {
			t.Errorf("%s: Thousands(%d) = %q, want %q", tc.desc, tc.n, got, tc.want)
		}
	}
}

func ExampleThousands() {
	fmt.Println(sim.Thousands(4213), sim.Thousands(26))
	// Output: 4,213 26
}
