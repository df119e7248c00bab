//go:build !wasm

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lanes/internal/progbuild"
)

// playBuildRounds is how many builds each figure of playBuilds is the
// median of.
const playBuildRounds = 3

// playBuilds measures /play's builds for BENCHMARKS.md: a small program
// built into a module with an empty module cache (cold: the go command's
// own cache warm, as on a server after its start), the same program again
// (warm: a cache hit), its still (progbuild's Still), and, in the same run as the reference, `go build`
// of a plain hello for js/wasm (its package compiled anew each time, the
// standard library from the cache). Each figure is the median of
// playBuildRounds builds, each of another program (a changed string), so
// nothing is cached that should not be.
func playBuilds(t *testing.T) string {
	t.Helper()
	svc, err := progbuild.New(progbuild.Options{Cache: t.TempDir(), Timeout: progbuild.WarmTimeout})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := svc.Warm(ctx); err != nil { // the go command's cache, untimed
		t.Fatal(err)
	}
	hello := t.TempDir()
	if err := os.WriteFile(filepath.Join(hello, "go.mod"), []byte("module hello\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var cold, warm, still, ref []time.Duration
	var size, brSize int64 // the module's, decoded and brotli
	for i := range playBuildRounds {
		src := []byte(strings.Replace(benchProgram, "ROUND", fmt.Sprint(time.Now().UnixNano(), i), 1))
		start := time.Now()
		m, err := svc.Build(ctx, "main.go", src)
		cold = append(cold, time.Since(start))
		if err != nil || m.Cached {
			t.Fatalf("cold build %d: %v (cached %v)", i, err, m != nil && m.Cached)
		}
		st, err := os.Stat(m.Brotli)
		if err != nil {
			t.Fatal(err)
		}
		size, brSize = m.Size, st.Size()
		start = time.Now()
		m, err = svc.Build(ctx, "main.go", src)
		warm = append(warm, time.Since(start))
		if err != nil || !m.Cached {
			t.Fatalf("warm build %d: %v (cached %v)", i, err, m != nil && m.Cached)
		}
		start = time.Now()
		if _, err := svc.Still(ctx, "main.go", src); err != nil {
			t.Fatalf("still %d: %v", i, err)
		}
		still = append(still, time.Since(start))
		if err := os.WriteFile(filepath.Join(hello, "main.go"), fmt.Appendf(nil, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello %d %d\") }\n", time.Now().UnixNano(), i), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(hello, "hello.wasm"), ".")
		cmd.Dir = hello
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOWORK=off", "GOFLAGS=")
		start = time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build of a hello: %v\n%s", err, out)
		}
		ref = append(ref, time.Since(start))
	}
	median := func(d []time.Duration) time.Duration { d = slices.Clone(d); slices.Sort(d); return d[len(d)/2] }
	c, w, st, r := median(cold), median(warm), median(still), median(ref)
	ratio := func(d time.Duration) string {
		if q := d.Seconds() / r.Seconds(); q >= 0.1 {
			return fmt.Sprintf("%.1f×", q)
		}
		return fmt.Sprintf("1/%.0f", r.Seconds()/d.Seconds())
	}

	var b strings.Builder
	fmt.Fprintf(&b, "## /play builds (a small program, median of %d)\n\n| build | time | ÷ go build of a plain hello |\n| --- | ---: | ---: |\n", playBuildRounds)
	fmt.Fprintf(&b, "| cold: a new program, empty module cache (go's own cache warm) | %.2f s | %s |\n", c.Seconds(), ratio(c))
	fmt.Fprintf(&b, "| warm: the same program again (a cache hit) | %.3f ms | %s |\n", float64(w.Microseconds())/1e3, ratio(w))
	fmt.Fprintf(&b, "| the program's still: built natively and run once (on Share, for its page) | %.2f s | %s |\n", st.Seconds(), ratio(st))
	fmt.Fprintf(&b, "| reference: `GOOS=js GOARCH=wasm go build` of a plain hello, same run | %.2f s | 1× |\n\n", r.Seconds())
	fmt.Fprintf(&b, "The program module: %d bytes brotli (%.2f MB; %d bytes decoded), against web/app.wasm's %s.\n\n", brSize, float64(brSize)/1e6, size, appBrotli())
	b.WriteString("A cold build rewrites the program into its twin, compiles it, links it with the simulator and the bridge " +
		"and compresses the module with brotli (internal/progbuild, offline, under its hard limits); a warm one finds the module by its key. " +
		"A still is the same twin built for the server's machine and run once (progbuild's Still). " +
		"The server warms the go command's cache at start (Warm), so a reader's first build is a cold one of this kind.\n\n")
	return b.String()
}

// appBrotli is web/app.wasm.br's size in words, "?" without it.
func appBrotli() string {
	st, err := os.Stat("web/app.wasm.br")
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%d bytes brotli", st.Size())
}

// benchProgram is the small program playBuilds builds (ROUND changes it).
const benchProgram = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("worker", i, "ROUND")
		}()
	}
	wg.Wait()
}
`

// TestPlayBuildBench prints playBuilds' section (LANES_BENCH_PLAY=1), or
// appends it to the file LANES_BENCH_PLAY names (make bench-play): the
// part of make bench that measures /play's builds, alone.
func TestPlayBuildBench(t *testing.T) {
	out := os.Getenv("LANES_BENCH_PLAY")
	if out == "" {
		t.Skip("set LANES_BENCH_PLAY=1, or to a file")
	}
	sec := playBuilds(t)
	if out == "1" {
		t.Log("\n" + sec)
		return
	}
	f, err := os.OpenFile(out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(sec); err != nil {
		t.Fatal(err)
	}
}
