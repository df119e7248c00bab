//go:build !wasm

// Command plain is a Go hello for the browser without go-app: the floor of
// a Go wasm's size, for `make bench` (see internal/benchhello). Natively
// it does nothing.
package main

func main() {}
