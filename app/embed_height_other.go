//go:build !wasm

package app

// heightLive is the browser-only state of EmbedHeight.
type heightLive struct{}
