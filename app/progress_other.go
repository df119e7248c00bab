//go:build !wasm

package app

// Progress through the challenges lives in the browser's local storage
// (progress_wasm.go); on the server nothing is solved.

func isSolved(slug, variant string) bool                      { return false }
func markSolved(slug, variant string, picks, preemptions int) {}
func solvedCount() map[string]bool                            { return nil }
