//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// rawGet sends path to srv exactly as given (no client-side cleaning or
// escaping, as curl --path-as-is does), with host as the Host header, and
// returns the response and its body.
func rawGet(t *testing.T, srv *httptest.Server, path, host string) (*http.Response, []byte) {
	t.Helper()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Minute)) // a hang fails the test instead of blocking it
	if host == "" {
		host = srv.Listener.Addr().String()
	}
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", path, err)
	}
	return resp, body
}

// TestNoFileOutsideWeb sends the traversal requests of issue 12 as-is:
// none may return a file outside web/ or a directory listing.
func TestNoFileOutsideWeb(t *testing.T) {
	srv := testServer(t)
	// What the working directory (the repository) would give away.
	leaks := []string{"module lanes", "gitdir:", "[core]", "ref: refs/", `href="go.mod"`, "go.mod</a>", "lanes.css</a>", ".git/</a>", "<pre>"}
	tests := []struct {
		desc string
		path string
	}{
		{"encoded dot segment", "/web/%2e%2e/go.mod"},
		{"encoded dot segment, upper case", "/web/%2E%2E/go.mod"},
		{"half-encoded dot segment", "/web/.%2e/go.mod"},
		{"encoded slash", "/web/..%2fgo.mod"},
		{"encoded slash, upper case", "/web/..%2Fgo.mod"},
		{"encoded backslash", "/web/..%5cgo.mod"},
		{"plain dot segment", "/web/../go.mod"},
		{"listing of the working directory", "/web/%2e%2e/"},
		{"the repository through web", "/web/%2e%2e/.git/config"},
		{"the repository's HEAD", "/web/%2e%2e/.git/HEAD"},
		{"the repository at the root", "/.git/config"},
		{"the repository's folder", "/.git/"},
		{"listing of web", "/web/"},
		{"web without a slash", "/web"},
		{"double slash", "//web/lanes.css"},
		{"double slash inside", "/web//lanes.css"},
		{"a file of web/ the app does not ship", "/web/app.wasm.tmp"},
		{"a Go file", "/server.go"},
		{"go.mod at the root", "/go.mod"},
	}
	for _, tt := range tests {
		resp, body := rawGet(t, srv, tt.path, "")
		if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: GET %s: status %d, want 400 or 404", tt.desc, tt.path, resp.StatusCode)
		}
		for _, leak := range leaks {
			if bytes.Contains(body, []byte(leak)) {
				t.Errorf("%s: GET %s: the body contains %q", tt.desc, tt.path, leak)
			}
		}
	}
}

// TestShippedFiles: the files the app ships are served, and nothing else
// under /web/.
func TestShippedFiles(t *testing.T) {
	srv := testServer(t)
	for _, p := range []string{"/web/lanes.css", "/web/share.css", "/web/extras.css", "/web/icon.svg", "/web/progworker.js",
		"/web/floor.html", "/web/icon-192.png", "/web/icon-512.png", "/web/robots.txt", "/web/app.wasm", "/robots.txt",
		"/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"} {
		if resp, _ := rawGet(t, srv, p, ""); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", p, resp.StatusCode)
		}
	}
}

// TestRobotsIgnoresHost: go-app fetches /robots.txt from http://HOST/web/
// with HOST taken from the request, and caches what it gets for everyone.
func TestRobotsIgnoresHost(t *testing.T) {
	srv := testServer(t)
	resp, body := rawGet(t, srv, "/robots.txt", "lanes-test.invalid")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "User-agent") {
		t.Errorf("GET /robots.txt with another Host: status %d, body %q; want web/robots.txt", resp.StatusCode, body)
	}
}

// TestNoMarkupFromThePath is the 404 page of issue 12: the path was
// written into og:url unescaped.
func TestNoMarkupFromThePath(t *testing.T) {
	srv := testServer(t)
	for _, p := range []string{
		"/lesson/x%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
		"/embed/x%22%3E%3Cmeta%20http-equiv=refresh%20content=0;url=//evil.example%3E",
		"/nope/%22%3E%3Cstyle%3Ebody{display:none}%3C/style%3E",
		// The same without encoded or double slashes: they reach the page.
		"/lesson/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
		"/embed/x%22%3E%3Cmeta%20http-equiv=refresh%20content=0;url=https:/evil.example%3E",
		"/lesson/x%27%3E%3Cscript%3Ealert(1)%3C/script%3E",
	} {
		resp, body := rawGet(t, srv, p, "")
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404 (or 400 for an encoded slash)", p, resp.StatusCode)
		}
		for _, bad := range []string{"<script>alert", "<meta http-equiv", "<style>body{display:none}"} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("GET %s: the page contains %q", p, bad)
			}
		}
	}
}
