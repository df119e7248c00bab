//go:build e2e

package e2e

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// baseURL is the running server, e.g. http://127.0.0.1:41234.
var baseURL string

// root is the repository root (the server's working directory).
var root string

// lanesBin is the lanes command built for the tests.
var lanesBin string

func TestMain(m *testing.M) {
	if os.Getenv("LANES_E2E") != "1" {
		fmt.Println("e2e: skipped (set LANES_E2E=1; `make e2e` does)")
		os.Exit(0)
	}
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	var err error
	root, err = filepath.Abs("..")
	if err != nil {
		return 0, err
	}
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		return 0, fmt.Errorf("web/app.wasm is missing: run `make wasm` first (%v)", err)
	}
	tmp, err := os.MkdirTemp("", "lanes-e2e-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "lanes")
	lanesBin = bin
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return 0, fmt.Errorf("building the server: %v", err)
	}
	// /play's shared programs and modules in a fresh directory (the go
	// command's own build cache stays the user's: builds are warm).
	srv := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-data", filepath.Join(tmp, "data"))
	srv.Dir = root
	stderr, err := srv.StderrPipe()
	if err != nil {
		return 0, err
	}
	if err := srv.Start(); err != nil {
		return 0, err
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
		}
	}()
	addr, warm := make(chan string, 1), make(chan struct{})
	go func() {
		re := regexp.MustCompile(`serving on (http://\S+)`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			fmt.Fprintln(os.Stderr, "server:", sc.Text())
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
			if strings.Contains(sc.Text(), "builds are warm") || strings.Contains(sc.Text(), "warming the build cache") {
				close(warm)
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case baseURL = <-addr:
	case <-time.After(2 * time.Minute):
		return 0, fmt.Errorf("the server did not start")
	}
	// The server warms /play's build cache at start (a go build in the
	// background): wait for it, so that it never competes with what the
	// tests measure.
	select {
	case <-warm:
	case <-time.After(5 * time.Minute):
		return 0, fmt.Errorf("the server's build cache did not warm up in 5 minutes")
	}
	return m.Run(), nil
}

// fetch gets a path from the server with net/http (no JavaScript at all).
func fetch(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(baseURL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// firstLesson returns the path of the first lesson linked from the gallery.
func firstLesson(t *testing.T) string {
	t.Helper()
	_, body := fetch(t, "/")
	m := regexp.MustCompile(`href="(/lesson/[a-z0-9-]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the gallery links to no lesson")
	}
	return m[1]
}

func TestPrerenderedWithoutJavaScript(t *testing.T) {
	lesson := firstLesson(t)
	embed := strings.Replace(lesson, "/lesson/", "/embed/", 1)
	tests := []struct {
		desc   string
		path   string
		status int
		want   []string
	}{
		{"gallery", "/", 200, []string{"<svg", "lesson-card"}},
		{"lesson", lesson, 200, []string{"<svg", "lanes-playhead", `class="code"`, `class="controls"`}},
		{"embed", embed, 200, []string{"<svg", "open in Lanes"}},
		{"unknown lesson", "/lesson/no-such-lesson", 404, []string{"Lesson not found"}},
	}
	for _, tt := range tests {
		status, body := fetch(t, tt.path)
		if status != tt.status {
			t.Errorf("%s: GET %s status %d, want %d", tt.desc, tt.path, status, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: GET %s: the prerendered page lacks %q", tt.desc, tt.path, w)
			}
		}
	}
}
