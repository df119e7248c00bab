//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// noopWorker is Lanes' service worker (pages.go): the same in both pages.
const noopWorker = `self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
`

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	routes()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchhello:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "benchhello: serving on http://%s\n", ln.Addr())
	h := &app.Handler{Name: "Hello", Title: "Hello", ServiceWorkerTemplate: noopWorker,
		Icon: app.Icon{Default: "/web/icon.png"}}
	if err := http.Serve(ln, h); err != nil {
		fmt.Fprintln(os.Stderr, "benchhello:", err)
		os.Exit(1)
	}
}
