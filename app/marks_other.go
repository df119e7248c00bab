//go:build !wasm

package app

// perfMark marks the browser's performance timeline (marks_wasm.go);
// outside the browser there is none.
func perfMark(string) {}
