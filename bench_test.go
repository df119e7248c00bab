//go:build !wasm

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"slices"
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

// generatedSections are the sections of BENCHMARKS.md that make bench
// writes (by the start of their heading); every other section (make
// load's, and those written by hand) stays, after the head.
var generatedSections = []string{"## WebAssembly size", "## Prerendering", "## /play builds", "## /play in headless Chromium", "## Playback in headless Chromium",
	"## In headless Chromium", "## go test -bench", "## The simulator natively", "## The simulator in WebAssembly",
	"## The course programs", "## Every course program", "## Budgets"}

// TestBenchmarksReport writes the head of BENCHMARKS.md (make bench sets
// LANES_BENCH_OUT): wasm sizes, prerender times and /play's build times, and the wasm's brotli
// size as the figure size.app.br to LANES_BENCH_FIGURES (internal/budget).
func TestBenchmarksReport(t *testing.T) {
	out := os.Getenv("LANES_BENCH_OUT")
	if out == "" {
		t.Skip("set LANES_BENCH_OUT (make bench does)")
	}
	if figures := os.Getenv("LANES_BENCH_FIGURES"); figures != "" {
		st, err := os.Stat("web/app.wasm.br")
		if err != nil {
			t.Fatalf("%v (run make wasm)", err)
		}
		f, err := os.OpenFile(figures, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "size.app.br %d\n", st.Size())
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
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
	b.WriteString("\nBuilt by `make wasm`: go-app without its server half, its regexp router and its crypto " +
		"(internal/wasmgoapp: no net/http, crypto/tls, regexp, crypto/… in the browser), " +
		"no inlining in lanes/app, go-app and the standard packages off the simulator's path (WASM_GCFLAGS in the Makefile). " +
		"Budget: ≤ 1.33 MB brotli (see Budgets at the end, with go-app's hello and a plain Go hello measured beside it).\n\n")
	b.WriteString("## Prerendering (server, native)\n\n| page | time per page |\n| --- | ---: |\n")
	for _, bm := range []struct {
		name string
		f    func(*testing.B)
	}{{"lesson", BenchmarkPrerenderLesson}, {"gallery", BenchmarkPrerenderGallery}} {
		r := testing.Benchmark(bm.f)
		fmt.Fprintf(&b, "| %s | %.2f ms |\n", bm.name, float64(r.NsPerOp())/1e6)
	}
	b.WriteString("\n")
	b.WriteString(playBuilds(t)) // bench_play_test.go
	if old, err := os.ReadFile(out); err == nil {
		b.WriteString(kept(string(old)))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// kept returns the sections of doc that make bench does not write
// (generatedSections), in their order there.
func kept(doc string) string {
	var b strings.Builder
	for _, sec := range strings.SplitAfter(doc, "\n## ")[1:] {
		sec = "## " + strings.TrimSuffix(sec, "\n## ")
		if !slices.ContainsFunc(generatedSections, func(g string) bool { return strings.HasPrefix(sec, g) }) {
			b.WriteString(strings.TrimRight(sec, "\n") + "\n\n")
		}
	}
	return b.String()
}

func TestKept(t *testing.T) {
	tests := []struct {
		desc, doc, want string
	}{
		{desc: "nothing kept", doc: "# B\n\n## WebAssembly size\n\nx\n", want: ""},
		{desc: "load and hand-written sections, in order; what make bench writes dropped",
			doc:  "# B\n\n## Where the first paint and the start go\n\na\n\n## go test -bench ./...\n\nb\n## Load (make load)\n\nc\n## The cost of instrumentation (issue 13)\n\nd\n## Budgets (issue 17; now)\n\ne\n",
			want: "## Where the first paint and the start go\n\na\n\n## Load (make load)\n\nc\n\n## The cost of instrumentation (issue 13)\n\nd\n\n"},
	}
	for _, tt := range tests {
		if got := kept(tt.doc); got != tt.want {
			t.Errorf("%s: kept = %q, want %q", tt.desc, got, tt.want)
		}
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
