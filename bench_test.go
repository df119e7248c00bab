//go:build !wasm

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"lanes/internal/site"
)

func BenchmarkPrerenderLesson(b *testing.B) {
	h := newSite(site.NewWasmFiles(fakeWasm, nil, nil), 0, 0).Handler()
	path := "/lesson/" + theCourse.Lessons()[0].Slug
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", path, w.Code)
		}
	}
}

func BenchmarkPrerenderGallery(b *testing.B) {
	h := newSite(site.NewWasmFiles(fakeWasm, nil, nil), 0, 0).Handler()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	}
}

// TestBenchmarksReport writes the head of BENCHMARKS.md (make bench sets
// LANES_BENCH_OUT): wasm sizes and prerender times.
func TestBenchmarksReport(t *testing.T) {
	out := os.Getenv("LANES_BENCH_OUT")
	if out == "" {
		t.Skip("set LANES_BENCH_OUT (make bench does)")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\nWritten by `make bench` (%s, %s/%s, %d CPUs). Lower is better.\n\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	b.WriteString("## WebAssembly size\n\n| file | bytes | MB |\n| --- | ---: | ---: |\n")
	for _, f := range []string{"web/app.wasm", "web/app.wasm.gz", "web/app.wasm.br"} {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatalf("%s: %v (run make wasm)", f, err)
		}
		fmt.Fprintf(&b, "| %s | %d | %.2f |\n", f, st.Size(), float64(st.Size())/1e6)
	}
	b.WriteString("\nBuilt by `make wasm`: go-app without its server half (internal/wasmgoapp: no net/http, crypto/tls… in the browser), " +
		"no inlining in lanes/app and go-app (WASM_GCFLAGS in the Makefile). " +
		"Target: ≤ 1.6 MB brotli for the whole app (go-app's own floor, as go-app ships, is 1.40 MB).\n\n")
	b.WriteString("## Prerendering (server, native)\n\n| page | time per page |\n| --- | ---: |\n")
	for _, bm := range []struct {
		name string
		f    func(*testing.B)
	}{{"lesson", BenchmarkPrerenderLesson}, {"gallery", BenchmarkPrerenderGallery}} {
		r := testing.Benchmark(bm.f)
		fmt.Fprintf(&b, "| %s | %.2f ms |\n", bm.name, float64(r.NsPerOp())/1e6)
	}
	b.WriteString("\n")
	// make load's section stays (it is written by another target).
	if old, err := os.ReadFile(out); err == nil {
		if _, load, ok := strings.Cut(string(old), "## Load (make load)"); ok {
			load, _, _ = strings.Cut(load, "\n## ")
			b.WriteString("## Load (make load)" + strings.TrimRight(load, "\n") + "\n\n")
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWasmLeavesServerOut checks that server-only packages stay out of the
// browser build (go-app itself brings net/http in).
func TestWasmLeavesServerOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := "\n" + string(out)
	for _, pkg := range []string{"github.com/andybalholm/brotli", "os/signal", "net/http/httptest"} {
		if strings.Contains(deps, "\n"+pkg+"\n") {
			t.Errorf("the wasm build imports %s", pkg)
		}
	}
}
