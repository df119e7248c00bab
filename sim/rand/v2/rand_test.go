package rand_test

import (
	gofmt "fmt"
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/rand/v2"
	"lanes/sim/time"
)

func draws() {
	fmt.Println(rand.IntN(1000), rand.N(10*time.Second), rand.Float64(), rand.Perm(4), rand.Uint64N(9), rand.Int32N(5))
	s := []int{1, 2, 3, 4}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
}

// TestSeeded: the same seed gives the same numbers, another seed others.
func TestSeeded(t *testing.T) {
	out := func(seed int64) string {
		return sim.Run(draws, sim.Options{Seed: seed, Strategy: sim.Random()}).Outcome.Output
	}
	if a, b := out(3), out(3); a != b {
		t.Errorf("seed 3 twice: got %q and %q, want the same", a, b)
	}
	if a, b := out(3), out(4); a == b {
		t.Errorf("seeds 3 and 4: both %q, want different numbers", a)
	}
}

// TestPanics: Go's texts for invalid arguments.
func TestPanics(t *testing.T) {
	for _, tc := range []struct {
		desc string
		f    func()
		want string
	}{
		{desc: "IntN", f: func() { rand.IntN(0) }, want: "invalid argument to IntN"},
		{desc: "N", f: func() { rand.N(-time.Second) }, want: "invalid argument to N"},
		{desc: "Int64N", f: func() { rand.Int64N(-1) }, want: "invalid argument to Int64N"},
		{desc: "Shuffle", f: func() { rand.Shuffle(-1, func(i, j int) {}) }, want: "invalid argument to Shuffle"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			var got any
			sim.Run(func() {
				defer func() { got = recover() }()
				tc.f()
			}, sim.Options{})
			if gofmt.Sprint(got) != tc.want {
				t.Errorf("got %v, want %q", got, tc.want)
			}
		})
	}
}

// A generator the program seeds itself gives Go's own numbers.
func ExampleNew() {
	r := rand.New(rand.NewPCG(1, 2))
	gofmt.Println(r.IntN(100), r.IntN(100), r.Perm(5))
	// Output: 76 61 [1 4 0 2 3]
}
