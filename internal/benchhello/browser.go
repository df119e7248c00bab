//go:build wasm

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// OnMount marks the page mounted (the benchmark's limit for "interactive").
func (h *hello) OnMount(ctx app.Context) {
	root := app.Window().Get("document").Get("documentElement")
	root.Get("dataset").Set("helloMountedAt", app.Window().Get("performance").Call("now").Float())
}

func main() {
	routes()
	app.RunWhenOnBrowser()
}
