// Package rand mirrors math/rand for simulated programs: the top-level
// functions draw from a source seeded by the run's seed, so a run is
// reproducible. New and NewSource are the real ones.
package rand

import (
	gorand "math/rand"

	"lanes/sim"
)

type (
	// Rand is the real math/rand.Rand.
	Rand = gorand.Rand
	// Source is the real math/rand.Source.
	Source = gorand.Source
)

// New is math/rand.New.
func New(src Source) *Rand { return gorand.New(src) }

// NewSource is math/rand.NewSource.
func NewSource(seed int64) Source { return gorand.NewSource(seed) }

// Seed does nothing: a simulated run is seeded by its own seed.
func Seed(int64) {}

// Int returns a non-negative pseudo-random int.
func Int() int { return int(sim.Rand().Int64() >> 1) }

// Intn returns a pseudo-random int in [0, n); it panics if n <= 0.
func Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return sim.Rand().IntN(n)
}

// Int31n returns a pseudo-random int32 in [0, n).
func Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return sim.Rand().Int32N(n)
}

// Int63n returns a pseudo-random int64 in [0, n).
func Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	return sim.Rand().Int64N(n)
}

// Int63 returns a non-negative pseudo-random int64.
func Int63() int64 { return sim.Rand().Int64() >> 1 }

// Int31 returns a non-negative pseudo-random int32.
func Int31() int32 { return sim.Rand().Int32() >> 1 }

// Uint32 returns a pseudo-random uint32.
func Uint32() uint32 { return sim.Rand().Uint32() }

// Float64 returns a pseudo-random number in [0.0, 1.0).
func Float64() float64 { return sim.Rand().Float64() }

// Perm returns a pseudo-random permutation of [0, n).
func Perm(n int) []int { return sim.Rand().Perm(n) }

// Shuffle shuffles n elements with swap.
func Shuffle(n int, swap func(i, j int)) { sim.Rand().Shuffle(n, swap) }
