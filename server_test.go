//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"lanes/internal/site"
)

var fakeWasm = bytes.Repeat([]byte("\x00asm fake wasm body "), 500)

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := site.LoadWasm(dir, io.Discard) // compresses it
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newSite(w, 0, 0).Handler())
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	// A transport that does not decompress, so we see the encoding.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
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

func TestPagesAndMIME(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	tests := []struct {
		desc     string
		path     string
		status   int
		ctype    string
		contains string
	}{
		{"gallery", "/", 200, "text/html; charset=utf-8", "<svg"},
		{"lesson prerendered with its timeline", "/lesson/" + slug, 200, "text/html; charset=utf-8", "lanes-playhead"},
		{"embed", "/embed/" + slug, 200, "text/html; charset=utf-8", "open in Lanes"},
		{"unknown lesson is a readable 404", "/lesson/nope", 404, "text/html; charset=utf-8", "Lesson not found"},
		{"unknown page is a readable 404", "/nope/x", 404, "text/html; charset=utf-8", "Page not found"},
		{"bad params fall back with a note", "/lesson/" + slug + "?seed=-4&strategy=zzz", 200, "text/html; charset=utf-8", "ignored strategy="},
		{"app.js", "/app.js", 200, "text/javascript; charset=utf-8", "goappInitWebAssembly"},
		{"app.js's loading bar counts the decoded wasm against its uncompressed size", "/app.js", 200, "text/javascript; charset=utf-8",
			`goappWasmContentLength = "` + strconv.Itoa(len(fakeWasm)) + `"`},
		{"wasm_exec.js", "/wasm_exec.js", 200, "text/javascript; charset=utf-8", "Go"},
		{"worker is the no-op one", "/app-worker.js", 200, "text/javascript; charset=utf-8", "no offline cache"},
		{"manifest", "/manifest.webmanifest", 200, "application/manifest+json", "Lanes"},
		{"css", "/web/lanes.css", 200, "text/css; charset=utf-8", "app-wasm-loader"},
		{"svg icon", "/web/icon.svg", 200, "image/svg+xml", "<svg"},
		{"png icon", "/web/icon-192.png", 200, "image/png", "PNG"},
		{"make bench's one-paragraph page", "/web/floor.html", 200, "text/html; charset=utf-8", "<p>One paragraph"},
		{"wasm", "/web/app.wasm", 200, "application/wasm", "asm"},
		{"missing static file", "/web/nope.js", 404, "text/plain; charset=utf-8", "404"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: GET %s status = %d, want %d", tt.desc, tt.path, resp.StatusCode, tt.status)
		}
		if got := resp.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("%s: GET %s Content-Type = %q, want %q", tt.desc, tt.path, got, tt.ctype)
		}
		if !bytes.Contains(body, []byte(tt.contains)) {
			t.Errorf("%s: GET %s body lacks %q", tt.desc, tt.path, tt.contains)
		}
		if bytes.Contains(body, []byte("raw.githubusercontent.com")) {
			t.Errorf("%s: GET %s refers to a remote host", tt.desc, tt.path)
		}
	}
}

func TestXSSInQuery(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	for _, q := range []string{
		`?variant="><script>alert(1)</script>`,
		`?seed=1"%20onmouseover="alert(1)`,
		`?theme=dark"><img%20src=x%20onerror=alert(1)>`,
		`?t=1&foo<script>=1`,
	} {
		for _, kind := range []string{"lesson", "embed"} {
			resp, body := get(t, srv, "/"+kind+"/"+slug+q, nil)
			if resp.StatusCode != 200 {
				t.Errorf("GET %s%s: status %d", kind, q, resp.StatusCode)
			}
			for _, bad := range []string{"<script>", "<img src=x", `onmouseover="alert`, `\" onmouseover`} {
				if bytes.Contains(body, []byte(bad)) {
					t.Errorf("GET /%s/%s%s: body contains %q", kind, slug, q, bad)
				}
			}
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	tests := []struct {
		desc      string
		path      string
		ancestors string
		xfo       string
	}{
		{"lesson page may not be framed by others", "/lesson/" + slug, "frame-ancestors 'self'", "SAMEORIGIN"},
		{"embed page may be framed by anyone", "/embed/" + slug, "frame-ancestors *", ""},
		{"wasm", "/web/app.wasm", "frame-ancestors 'self'", "SAMEORIGIN"},
	}
	for _, tt := range tests {
		resp, _ := get(t, srv, tt.path, nil)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", tt.ancestors} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", tt.desc, csp, want)
			}
		}
		if got := h.Get("X-Frame-Options"); got != tt.xfo {
			t.Errorf("%s: X-Frame-Options = %q, want %q", tt.desc, got, tt.xfo)
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q", tt.desc, got)
		}
		if got := h.Get("Referrer-Policy"); got == "" {
			t.Errorf("%s: no Referrer-Policy", tt.desc)
		}
	}
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d, want 405", resp.StatusCode)
	}
}

func TestWasmCompression(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		desc   string
		accept string
		want   string
	}{
		{"no header", "", ""},
		{"brotli preferred", "gzip, deflate, br", "br"},
		{"gzip only", "gzip", "gzip"},
		{"brotli refused", "br;q=0, gzip", "gzip"},
		{"gzip preferred by q", "br;q=0.5, gzip;q=1", "gzip"},
		{"wildcard", "*", "br"},
		{"identity only", "identity", ""},
		{"everything refused but identity", "*;q=0", ""},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, "/web/app.wasm", map[string]string{"Accept-Encoding": tt.accept})
		if got := resp.Header.Get("Content-Encoding"); got != tt.want {
			t.Errorf("%s: Content-Encoding = %q, want %q", tt.desc, got, tt.want)
		}
		if got := resp.Header.Get(site.WasmLengthHeader); got != strconv.Itoa(len(fakeWasm)) {
			t.Errorf("%s: %s = %q, want %d", tt.desc, site.WasmLengthHeader, got, len(fakeWasm))
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary = %q", tt.desc, resp.Header.Get("Vary"))
		}
		var r io.Reader = bytes.NewReader(body)
		switch tt.want {
		case "br":
			r = brotli.NewReader(r)
		case "gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				t.Fatalf("%s: %v", tt.desc, err)
			}
			r = zr
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, fakeWasm) {
			t.Errorf("%s: decoded body differs from the wasm (err %v)", tt.desc, err)
		}
	}
}

func TestVersionAndETag(t *testing.T) {
	srv := testServer(t)
	w := site.NewWasmFiles(fakeWasm, nil, nil)
	resp, _ := get(t, srv, "/app.js", nil)
	if got := resp.Header.Get("ETag"); got != `"`+w.Version+`"` {
		t.Errorf("app.js ETag = %q, want the wasm hash %q", got, w.Version)
	}
	resp, _ = get(t, srv, "/web/app.wasm", map[string]string{"If-None-Match": `"` + w.Version + `"`})
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("wasm with matching If-None-Match: status %d, want 304", resp.StatusCode)
	}
	if other := site.NewWasmFiles(append([]byte("x"), fakeWasm...), nil, nil); other.Version == w.Version {
		t.Errorf("two different wasm files have the same version %q", w.Version)
	}
}

func TestRunDispatch(t *testing.T) {
	var out, errOut bytes.Buffer
	stdout, stderr = &out, &errOut
	defer func() { stdout, stderr = io.Discard, io.Discard }()
	tests := []struct {
		desc   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"help", []string{"help"}, 0, "Usage: lanes", ""},
		{"unknown command", []string{"frobnicate"}, 1, "", `unknown command "frobnicate"`},
		{"serve with a bad flag", []string{"serve", "-nope"}, 2, "", "flag provided but not defined"},
		{"static without -out", []string{"static"}, 2, "", "usage: lanes static"},
		{"compress without a file", []string{"compress"}, 2, "", "usage: lanes compress"},
	}
	for _, tt := range tests {
		out.Reset()
		errOut.Reset()
		if got := run(tt.args); got != tt.code {
			t.Errorf("%s: run(%q) = %d, want %d (stderr %q)", tt.desc, tt.args, got, tt.code, errOut.String())
		}
		if !strings.Contains(out.String(), tt.stdout) || !strings.Contains(errOut.String(), tt.stderr) {
			t.Errorf("%s: stdout %q stderr %q, want %q and %q", tt.desc, out.String(), errOut.String(), tt.stdout, tt.stderr)
		}
	}
}
