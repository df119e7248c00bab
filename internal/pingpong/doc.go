// Package pingpong is a limit for `make bench`: the cost of the cheapest
// hand-off between two goroutines, a round trip over an unbuffered
// channel, natively and in WebAssembly. The simulator hands the turn from
// goroutine to goroutine at every event, so its speed in wasm against
// native cannot beat this ratio; `make bench` holds it against it
// (internal/budget). The package has nothing but its benchmark.
package pingpong
