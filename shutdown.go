//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// shutdownGrace is how long `lanes serve` lets requests in flight finish
// after SIGINT or SIGTERM.
const shutdownGrace = 10 * time.Second

// serveUntilSignal serves srv on ln until the process gets SIGINT or
// SIGTERM, then shuts it down (see shutdownOnSignals).
func serveUntilSignal(srv *http.Server, ln net.Listener, log io.Writer) int {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	return shutdownOnSignals(srv, ln, sigs, shutdownGrace, log)
}

// shutdownOnSignals serves srv on ln until a signal arrives on sigs, then
// shuts the server down:
//
//   - it stops accepting connections and lets the requests in flight
//     finish: when they have, it returns 0;
//   - a second signal, or grace gone by, closes every connection at once
//     and it returns 1;
//   - if serving fails, it returns 1 at once.
//
// It says what it does on log.
func shutdownOnSignals(srv *http.Server, ln net.Listener, sigs <-chan os.Signal, grace time.Duration, log io.Writer) int {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		fmt.Fprintf(log, "lanes serve: %v\n", err)
		return 1
	case <-sigs:
	}
	fmt.Fprintf(log, "lanes: shutting down (waiting up to %v for requests in flight; a second signal stops at once)\n", grace)
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	drained := make(chan error, 1)
	go func() { drained <- srv.Shutdown(ctx) }()
	select {
	case err := <-drained:
		if err != nil {
			srv.Close()
			fmt.Fprintf(log, "lanes serve: requests still in flight after %v: closed\n", grace)
			return 1
		}
	case s := <-sigs:
		srv.Close()
		<-drained // Shutdown returns once Close has closed every connection
		fmt.Fprintf(log, "lanes: %v: stopped at once\n", s)
		return 1
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(log, "lanes serve: %v\n", err)
		return 1
	}
	return 0
}
