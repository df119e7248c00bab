//go:build !wasm

package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestShutdownOnSignals: a drained shutdown exits 0; a second signal
// ends a shutdown held up by a slow request at once.
func TestShutdownOnSignals(t *testing.T) {
	tests := []struct {
		desc    string
		second  bool // a second signal while the request is in flight
		code    int
		log     string
		reqDone bool // the request got its answer
	}{
		{desc: "drained", code: 0, reqDone: true, log: "lanes: shutting down"},
		{desc: "second signal", second: true, code: 1, log: "lanes: terminated: stopped at once"},
	}
	for _, tt := range tests {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		entered, release := make(chan struct{}), make(chan struct{})
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			close(entered)
			select { // a slow request
			case <-release:
				io.WriteString(w, "done")
			case <-r.Context().Done():
			}
		})}
		sigs := make(chan os.Signal, 2)
		log := &syncLog{first: make(chan struct{})}
		exited := make(chan int, 1)
		// A grace far longer than any test: only the request or a
		// second signal can end the shutdown.
		go func() { exited <- shutdownOnSignals(srv, ln, sigs, time.Hour, log) }()

		answered := make(chan string, 1)
		go func() {
			resp, err := http.Get("http://" + ln.Addr().String() + "/")
			if err != nil {
				answered <- "error: " + err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			answered <- string(b)
		}()
		<-entered
		sigs <- syscall.SIGTERM
		if tt.second {
			sigs <- syscall.SIGTERM
		} else {
			<-log.first // the shutdown has begun before the request ends
			close(release)
		}
		var code int
		select {
		case code = <-exited:
		case <-time.After(5 * time.Minute): // a bound, not a wait
			t.Fatalf("%s: the server did not stop", tt.desc)
		}
		if code != tt.code || !strings.Contains(log.String(), tt.log) {
			t.Errorf("%s: exit status %d, log %q; want %d and %q", tt.desc, code, log.String(), tt.code, tt.log)
		}
		if got := <-answered; (got == "done") != tt.reqDone {
			t.Errorf("%s: the request got %q, answered: %v", tt.desc, got, tt.reqDone)
		}
	}
}

// syncLog is a log safe for concurrent use; first is closed at its first
// write.
type syncLog struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	first chan struct{}
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buf.Len() == 0 {
		close(l.first)
	}
	return l.buf.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
