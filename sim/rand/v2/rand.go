// Package rand mirrors math/rand/v2 for simulated programs: the top-level
// functions (IntN, N, Float64, Perm, Shuffle…) draw from a source seeded
// by the run's seed, so the same seed gives the same run; their panics
// are Go's ("invalid argument to IntN"). The types and constructors (Rand,
// New, PCG, NewPCG, ChaCha8, NewChaCha8, Zipf, NewZipf, Source) are the
// real ones: a program's own seeded generator gives what it gives in Go.
// As in Go, drawing a number is not a scheduling point.
package rand

import (
	gorand "math/rand/v2"

	"lanes/sim"
)

type (
	// Rand is the real math/rand/v2.Rand.
	Rand = gorand.Rand
	// Source is the real math/rand/v2.Source.
	Source = gorand.Source
	// PCG is the real math/rand/v2.PCG.
	PCG = gorand.PCG
	// ChaCha8 is the real math/rand/v2.ChaCha8.
	ChaCha8 = gorand.ChaCha8
	// Zipf is the real math/rand/v2.Zipf.
	Zipf = gorand.Zipf
)

// New is math/rand/v2.New.
func New(src Source) *Rand { return gorand.New(src) }

// NewPCG is math/rand/v2.NewPCG.
func NewPCG(seed1, seed2 uint64) *PCG { return gorand.NewPCG(seed1, seed2) }

// NewChaCha8 is math/rand/v2.NewChaCha8.
func NewChaCha8(seed [32]byte) *ChaCha8 { return gorand.NewChaCha8(seed) }

// NewZipf is math/rand/v2.NewZipf.
func NewZipf(r *Rand, s float64, v float64, imax uint64) *Zipf {
	return gorand.NewZipf(r, s, v, imax)
}

// global is the run's generator, seeded by the run's seed; outside a run
// (a package-level initialiser evaluated at load) the real global one.
func global() *Rand {
	if !sim.Running() {
		return realGlobal
	}
	return sim.Rand()
}

var realGlobal = gorand.New(gorand.NewPCG(gorand.Uint64(), gorand.Uint64()))

// Int64 returns a non-negative pseudo-random 63-bit integer as an int64.
func Int64() int64 { return global().Int64() }

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func Uint32() uint32 { return global().Uint32() }

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func Uint64() uint64 { return global().Uint64() }

// Int32 returns a non-negative pseudo-random 31-bit integer as an int32.
func Int32() int32 { return global().Int32() }

// Int returns a non-negative pseudo-random int.
func Int() int { return global().Int() }

// Uint returns a pseudo-random uint.
func Uint() uint { return global().Uint() }

// Int64N returns a non-negative pseudo-random number in [0,n); it panics
// if n <= 0.
func Int64N(n int64) int64 { return global().Int64N(n) }

// Uint64N returns a pseudo-random number in [0,n); it panics if n == 0.
func Uint64N(n uint64) uint64 { return global().Uint64N(n) }

// Int32N returns a non-negative pseudo-random number in [0,n); it panics
// if n <= 0.
func Int32N(n int32) int32 { return global().Int32N(n) }

// Uint32N returns a pseudo-random number in [0,n); it panics if n == 0.
func Uint32N(n uint32) uint32 { return global().Uint32N(n) }

// IntN returns a non-negative pseudo-random number in [0,n); it panics if
// n <= 0.
func IntN(n int) int { return global().IntN(n) }

// UintN returns a pseudo-random number in [0,n); it panics if n == 0.
func UintN(n uint) uint { return global().UintN(n) }

// N returns a pseudo-random number in [0,n) of any integer type
// (rand.N(100*time.Millisecond)); it panics if n <= 0.
func N[Int intType](n Int) Int {
	if n <= 0 {
		panic("invalid argument to N")
	}
	return Int(global().Uint64N(uint64(n)))
}

type intType interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Float64 returns a pseudo-random number in [0.0,1.0).
func Float64() float64 { return global().Float64() }

// Float32 returns a pseudo-random number in [0.0,1.0).
func Float32() float32 { return global().Float32() }

// Perm returns a pseudo-random permutation of the integers [0,n).
func Perm(n int) []int { return global().Perm(n) }

// Shuffle pseudo-randomizes the order of n elements with swap; it panics
// if n < 0.
func Shuffle(n int, swap func(i, j int)) { global().Shuffle(n, swap) }

// NormFloat64 returns a normally distributed float64 (mean 0, standard
// deviation 1).
func NormFloat64() float64 { return global().NormFloat64() }

// ExpFloat64 returns an exponentially distributed float64 (rate 1).
func ExpFloat64() float64 { return global().ExpFloat64() }
