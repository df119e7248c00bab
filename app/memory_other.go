//go:build !wasm

package app

import "errors"

// measureGoroutines needs the browser: natively it says so.
func measureGoroutines(n int) (MemResult, error) {
	return MemResult{}, errors.New("measuring needs the page running in a browser (WebAssembly)")
}
