//go:build wasm

package app

import "time"

func init() {
	// Let the browser repaint: in WebAssembly there is one thread, and the
	// page only gets it back when every goroutine is blocked. Sleeping
	// longer than go-app's ≈8 ms update timer lets the progress render too.
	yieldToPage = func() { time.Sleep(10 * time.Millisecond) }
}
