//go:build wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// perfMark puts a mark on the browser's performance timeline
// (performance.mark): `make bench` reads lanes-nav (a lesson's OnNav
// begins: go-app has started and mounted the page) and lanes-run (its run
// is simulated and laid out) to say where the start goes.
func perfMark(name string) { app.Window().Get("performance").Call("mark", name) }
