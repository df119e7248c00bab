//go:build wasm

// Command plain is a Go hello for the browser without go-app: the floor of
// a Go wasm's size, for `make bench` (see internal/benchhello).
package main

import "syscall/js"

func main() {
	doc := js.Global().Get("document")
	p := doc.Call("createElement", "p")
	p.Set("textContent", "Hello, world")
	doc.Get("body").Call("appendChild", p)
}
