//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// startHello serves go-app's hello world (internal/benchhello), the limit
// of the "interactive" figure, when `make bench` built it: LANES_BENCH_HELLO
// is its directory (the server binary "hello" and web/app.wasm, built with
// Lanes' own wasm flags). It returns its URL, or "" when not built.
func startHello(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("LANES_BENCH_HELLO")
	if dir == "" {
		return ""
	}
	srv := exec.Command(filepath.Join(dir, "hello"), "-addr", "127.0.0.1:0")
	srv.Dir = dir
	stderr, err := srv.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatalf("starting go-app's hello (%s): %v", dir, err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	addr := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving on (http://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case u := <-addr:
		return u
	case <-time.After(time.Minute):
		t.Fatalf("go-app's hello did not start")
		return ""
	}
}

// appendFigures appends "KEY VALUE" lines to LANES_BENCH_FIGURES, the run's
// figures that internal/budget judges (nothing without it).
func appendFigures(t *testing.T, figures map[string]float64) {
	t.Helper()
	name := os.Getenv("LANES_BENCH_FIGURES")
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for k, v := range figures {
		fmt.Fprintf(f, "%s %.1f\n", k, v)
	}
}
