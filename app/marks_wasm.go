//go:build wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// perfMark puts a mark on the browser's performance timeline
// (performance.mark): `make bench` reads lanes-init (go-app has started
// and made the page: OnInit, first_load_wasm.go), lanes-run (its run is
// simulated and laid out) and lanes-nav (go-app has mounted the page: its
// OnNav begins) to say where the start goes.
func perfMark(name string) { app.Window().Get("performance").Call("mark", name) }
