//go:build wasm

// The browser entry of Lanes: the same package main built for GOOS=js
// GOARCH=wasm. It only registers the routes and starts the app; everything
// of the server stays out of the wasm (server.go is //go:build !wasm).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	lanesapp "lanes/app"
	"lanes/app/lessons/registry"
)

func main() {
	// make bench's mark: the wasm is compiled and instantiated, Go runs.
	app.Window().Get("performance").Call("mark", "lanes-main")
	lanesapp.Routes(registry.Course())
	app.RunWhenOnBrowser()
}
