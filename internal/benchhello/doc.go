// Command benchhello is a limit for `make bench`: go-app's hello world,
// the least a go-app page can do, built to wasm with the flags Lanes' own
// wasm is built with (the Makefile's bench target), served by go-app's
// own handler. Its page marks the moment its component mounted:
// <html data-hello-mounted-at="performance.now() in ms">, which e2e's
// TestTimings holds Lanes' "interactive" against. Its plain/ sibling is a
// Go hello without go-app, for the wasm size's floor.
//
// Usage: benchhello [-addr 127.0.0.1:0], in a directory holding
// web/app.wasm; it prints "serving on http://ADDR" on stderr.
package main
