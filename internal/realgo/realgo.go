// Package realgo runs plain Go programs with the real Go toolchain and
// runtime, many times, and summarises what they did. It is the "on real Go"
// side of Lanes' fidelity checks: the simulator's outcomes are compared with
// what [RunWith] observes here.
//
// Spec:
//   - [Build] compiles one program (a .go file or a directory holding a main
//     package) with `go build` into a cache directory keyed by a hash of the
//     sources and the Go version, so a program is built once and reused.
//     A compile error is returned with the compiler's output.
//   - [RunWith] runs a built binary n times with the given GOMAXPROCS and
//     a per-run timeout, one after another or several processes at once
//     ([Options]), and can load the machine while it runs them
//     (Options.Load: CPU-burning goroutines beside the runs, as on a busy
//     machine, where timers fire late). Each [Result] keeps the whole
//     stdout, the first lines of stderr, the exit code and an exit [Kind].
//   - [Summarize] groups results with identical stdout, exit code and first
//     stderr line into [Outcome]s with counts, most frequent first.
//   - Nothing here depends on the simulator.
package realgo

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Exit kinds, as the simulator names them.
const (
	KindOK       = "ok"       // exit status 0
	KindPanic    = "panic"    // stderr starts with "panic: "
	KindDeadlock = "deadlock" // fatal error: all goroutines are asleep - deadlock!
	KindFatal    = "fatal"    // any other "fatal error: ..."
	KindExit     = "exit"     // a non-zero status without panic or fatal error (os.Exit)
	KindTimeout  = "timeout"  // killed after the timeout
)

// StderrLines is how many leading lines of stderr a Result keeps.
const StderrLines = 3

// Result is one run of a program.
type Result struct {
	Stdout   string
	Stderr   string // the first StderrLines lines, without the trailing newline
	ExitCode int    // -1 when killed by the timeout
	Kind     string
}

// FirstStderrLine is the first line of r.Stderr.
func (r Result) FirstStderrLine() string {
	line, _, _ := strings.Cut(r.Stderr, "\n")
	return line
}

// Outcome is a group of runs that printed the same stdout, exited with the
// same code and wrote the same first stderr line.
type Outcome struct {
	Stdout   string `json:"stdout"`
	Stderr   string `json:"stderr,omitempty"` // first line only
	ExitCode int    `json:"exitCode"`
	Kind     string `json:"kind"`
	Count    int    `json:"count"`
}

// Summarize groups rs into outcomes, most frequent first (ties by stdout,
// then exit code, then stderr).
func Summarize(rs []Result) []Outcome {
	type key struct {
		stdout, stderr string
		code           int
	}
	idx := map[key]int{}
	var out []Outcome
	for _, r := range rs {
		k := key{r.Stdout, r.FirstStderrLine(), r.ExitCode}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Outcome{Stdout: k.stdout, Stderr: k.stderr, ExitCode: k.code, Kind: r.Kind})
		}
		out[i].Count++
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if a.Stdout != b.Stdout {
			return a.Stdout < b.Stdout
		}
		if a.ExitCode != b.ExitCode {
			return a.ExitCode < b.ExitCode
		}
		return a.Stderr < b.Stderr
	})
	return out
}

// Kind classifies an exit code and stderr.
func Kind(exitCode int, stderr string) string {
	switch {
	case exitCode == 0:
		return KindOK
	case exitCode < 0:
		return KindTimeout
	case strings.HasPrefix(stderr, "panic: "):
		return KindPanic
	case strings.HasPrefix(stderr, "fatal error: all goroutines are asleep - deadlock!"):
		return KindDeadlock
	case strings.HasPrefix(stderr, "fatal error: "):
		return KindFatal
	}
	return KindExit
}

// Hash is the hex SHA-256 of a program's sources: the file itself, or every
// .go file of a directory in name order (names included).
func Hash(path string) (string, error) {
	files, err := sources(path)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func sources(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	files, err := filepath.Glob(filepath.Join(path, "*.go"))
	if err != nil {
		return nil, err
	}
	var keep []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			keep = append(keep, f)
		}
	}
	if len(keep) == 0 {
		return nil, fmt.Errorf("realgo: no .go files in %s", path)
	}
	sort.Strings(keep)
	return keep, nil
}

// CacheDir is where Build keeps binaries; tests may point it elsewhere.
var CacheDir = filepath.Join(os.TempDir(), "lanes-realgo")

var buildMu sync.Mutex

// Build compiles the program at path (a .go file or a main package
// directory, inside a Go module) and returns the binary's path. Binaries are
// cached by [Hash] and the Go version.
func Build(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	sum, err := Hash(abs)
	if err != nil {
		return "", err
	}
	name := "prog"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	dir := filepath.Join(CacheDir, runtime.Version()+"-"+sum[:24])
	bin := filepath.Join(dir, name)
	buildMu.Lock()
	defer buildMu.Unlock()
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := bin + ".tmp"
	workDir, target := abs, "."
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		workDir, target = filepath.Dir(abs), filepath.Base(abs)
	}
	cmd := exec.Command("go", "build", "-o", tmp, target)
	cmd.Dir = workDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("realgo: go build %s: %w\n%s", path, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", err
	}
	return bin, nil
}

// Options configure RunWith.
type Options struct {
	GOMAXPROCS int           // 0 leaves the variable unset
	Runs       int           // how many runs
	Timeout    time.Duration // per run; 0 means one minute
	Parallel   int           // processes at once; 0 or 1 runs one after another
	// Load is how many CPU-burning goroutines spin in this process while
	// the runs go on (0: none), to measure programs on a loaded machine.
	Load int
	// Budget, if set, stops starting new runs once this much wall time has
	// passed (after at least max(Parallel, 1) runs); fewer than Runs
	// results are then returned.
	Budget time.Duration
}

// RunWith runs bin o.Runs times. Results are in run order. A run that fails
// to start is an error; a non-zero exit or a timeout is a Result.
func RunWith(bin string, o Options) ([]Result, error) {
	if o.Timeout <= 0 {
		o.Timeout = time.Minute
	}
	par := max(o.Parallel, 1)
	if o.Load > 0 {
		stop := burn(o.Load)
		defer stop()
	}
	rs := make([]Result, o.Runs)
	errs := make([]error, o.Runs)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(par, o.Runs) {
		wg.Go(func() {
			for i := range next {
				rs[i], errs[i] = runOnce(bin, o)
			}
		})
	}
	start, started := time.Now(), 0
	for i := range o.Runs {
		if o.Budget > 0 && i >= par && time.Since(start) > o.Budget {
			break
		}
		next <- i
		started++
	}
	close(next)
	wg.Wait()
	return rs[:started], errors.Join(errs[:started]...)
}

// burn starts n goroutines that spin on the CPU until stop is called.
func burn(n int) (stop func()) {
	var quit atomic.Bool
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			x := uint64(1)
			for !quit.Load() {
				for range 1 << 16 {
					x = x*6364136223846793005 + 1442695040888963407
				}
			}
			burnSink.Add(x)
		})
	}
	return func() { quit.Store(true); wg.Wait() }
}

var burnSink atomic.Uint64

func runOnce(bin string, o Options) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), o.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = os.Environ()
	if o.GOMAXPROCS > 0 {
		cmd.Env = append(cmd.Env, "GOMAXPROCS="+strconv.Itoa(o.GOMAXPROCS))
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := Result{Stdout: stdout.String(), Stderr: firstLines(stderr.String(), StderrLines)}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		r.ExitCode = -1
		r.Stderr = "timeout after " + o.Timeout.String()
	case errors.As(err, &exitErr):
		r.ExitCode = exitErr.ExitCode()
	case err != nil:
		return r, fmt.Errorf("realgo: run %s: %w", bin, err)
	}
	r.Kind = Kind(r.ExitCode, r.Stderr)
	return r, nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}
