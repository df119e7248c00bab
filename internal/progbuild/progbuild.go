// Package progbuild builds program modules: one plain Go program, rewritten
// into its twin and compiled with the simulator and internal/progwasm's
// bridge into a standalone WebAssembly program (GOOS=js GOARCH=wasm) that
// the /play page runs in a Web Worker (web/progworker.js). The server
// builds untrusted programs with it; `lanes build` writes the same module.
//
// Terms:
//   - A Service builds modules, at most MaxBuilds at once, and caches them
//     on disk.
//   - A module's key is the SHA-256 (hex) of the shown name, the source,
//     the Go version and every source file the module is built from (sim/,
//     internal/progwasm, go.mod, go.sum): the name of its cache entry
//     <Cache>/<key>/module.wasm, with module.wasm.br beside it.
//
// Spec:
//   - Check refuses, before anything runs, a source over MaxSource bytes,
//     an empty one, one that is not valid UTF-8 (at its line and column),
//     and a shown name that is not a plain file name ending in ".go".
//   - Build returns a cached module at once; else it takes a build slot
//     (Acquire), rewrites and type-checks the program (sim/rewrite refuses
//     unsupported imports and constructs) and runs `go build` offline:
//     GOPROXY=off, GOFLAGS=-mod=mod, GOTOOLCHAIN=local, with an
//     environment that holds only what the go command needs (PATH, HOME,
//     GOROOT, GOCACHE, GOMODCACHE, GOPATH, TMPDIR and the build settings):
//     none of the server's variables reach the build or the program. The
//     go command is stopped after Timeout (a *TimeoutError), and it and
//     the compiler and linker it starts run with GOMEMLIMIT=BuildMemLimit
//     (a soft limit: the Go runtime of each collects harder near it),
//     and under hard limits of memory and CPU time (rlimit.go: a
//     *LimitError).
//   - Acquire lets MaxBuilds builds run at once and MaxQueue wait; beyond
//     that it fails at once with a *BusyError (the server's 503).
//   - Concurrent Builds of one program in one Service build it once.
//   - Errors: a problem with the program is a *ProgramError whose Msg names
//     the shown file and its lines ("main.go:3:5: …") and whose Diags hold
//     them parsed for an editor; a full queue a *BusyError; a build over
//     time a *TimeoutError; over a hard limit a *LimitError; anything else (no go command, unwritable cache)
//     is an internal error.
//   - The cache is bounded (least recently used entries go first; see
//     twinbuild.Prune), and an interrupted build leaves only a .tmp
//     directory, removed later.
package progbuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"lanes/internal/twinbuild"
)

// Limits and defaults.
const (
	MaxSource      = 64 << 10
	DefaultTimeout = 30 * time.Second
	// layoutVersion changes whenever the files of a cache entry change shape.
	layoutVersion = "progbuild 1"
)

// BuildMemLimit is the soft memory limit (GOMEMLIMIT) of the go command
// and of the compiler and linker it runs for one build.
const BuildMemLimit = "768MiB"

// Cache bounds.
const (
	MaxEntries = 256
	MaxBytes   = 1 << 30
)

// ModuleFile is a module's file name in its cache entry.
const ModuleFile = "module.wasm"

// Options configure a Service; every zero field has its default.
type Options struct {
	Root      string        // the lanes repository (default twinbuild.Root())
	Cache     string        // default os.UserCacheDir()/lanes/modules
	Timeout   time.Duration // of one go build (default DefaultTimeout)
	MaxBuilds int           // builds at once (default GOMAXPROCS)
	MaxQueue  int           // builds waiting for a slot (default MaxBuilds)
	// MaxMemory and MaxCPU are the hard limits of each process of a
	// build (rlimit.go): 0 is the default (BuildMemHard, BuildCPUHard),
	// a negative value none.
	MaxMemory int64
	MaxCPU    time.Duration
}

// Service builds and caches program modules. Its methods may be called
// concurrently.
type Service struct {
	opts  Options
	goCmd string
	env   []string
	slots chan struct{}

	mu       sync.Mutex
	waiting  int
	inflight map[string]*call
}

// call is a build in progress that later Builds of the same key wait for.
type call struct {
	done chan struct{}
	mod  *Module
	err  error
}

// Module is a built program module.
type Module struct {
	Key    string // see the package doc
	Path   string // module.wasm
	Brotli string // module.wasm.br
	Size   int64  // of module.wasm
	Cached bool   // found in the cache, not built now
}

// New returns a Service, finding the go command and its settings (in the
// caller's environment, once).
func New(opts Options) (*Service, error) {
	if opts.Root == "" {
		root, err := twinbuild.Root()
		if err != nil {
			return nil, err
		}
		opts.Root = root
	}
	if opts.Cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return nil, fmt.Errorf("progbuild: %v", err)
		}
		opts.Cache = filepath.Join(dir, "lanes", "modules")
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBuilds <= 0 {
		opts.MaxBuilds = runtime.GOMAXPROCS(0)
	}
	if opts.MaxQueue <= 0 {
		opts.MaxQueue = opts.MaxBuilds
	}
	if opts.MaxMemory == 0 {
		opts.MaxMemory = BuildMemHard
	}
	if opts.MaxCPU == 0 {
		opts.MaxCPU = BuildCPUHard
	}
	goCmd, env, err := buildEnv(opts.Cache)
	if err != nil {
		return nil, err
	}
	return &Service{opts: opts, goCmd: goCmd, env: env, slots: make(chan struct{}, opts.MaxBuilds),
		inflight: map[string]*call{}}, nil
}

// Options returns the Service's options, defaults filled in.
func (s *Service) Options() Options { return s.opts }

// Key returns the cache key of the program src shown as name.
func (s *Service) Key(name string, src []byte) (string, error) {
	deps, err := twinbuild.SourcesHash(s.opts.Root, twinbuild.ProgramDirs...)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", layoutVersion, runtime.Version(), deps, name)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil)), nil
}

var keyPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ErrNotFound is Lookup's answer for a module never built (or pruned).
var ErrNotFound = errors.New("progbuild: no such module")

// Lookup returns the cached module of key, or ErrNotFound (also for a key
// that is not one).
func (s *Service) Lookup(key string) (*Module, error) {
	if !keyPattern.MatchString(key) {
		return nil, ErrNotFound
	}
	dir := filepath.Join(s.opts.Cache, key)
	fi, err := os.Stat(filepath.Join(dir, ModuleFile))
	if err != nil || !fi.Mode().IsRegular() {
		return nil, ErrNotFound
	}
	touch(dir)
	return &Module{Key: key, Path: filepath.Join(dir, ModuleFile), Brotli: filepath.Join(dir, ModuleFile+".br"),
		Size: fi.Size(), Cached: true}, nil
}

// Build returns the module of the program src shown as name (see the
// package doc).
func (s *Service) Build(ctx context.Context, name string, src []byte) (*Module, error) {
	return s.buildWithin(ctx, name, src, s.opts.Timeout)
}

// buildWithin is Build with the time limit timeout.
func (s *Service) buildWithin(ctx context.Context, name string, src []byte, timeout time.Duration) (*Module, error) {
	if err := Check(name, src); err != nil {
		return nil, err
	}
	key, err := s.Key(name, src)
	if err != nil {
		return nil, err
	}
	if m, err := s.Lookup(key); err == nil {
		return m, nil
	}
	s.mu.Lock()
	if c, ok := s.inflight[key]; ok {
		s.mu.Unlock()
		select {
		case <-c.done:
			return c.mod, c.err
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	}
	c := &call{done: make(chan struct{})}
	s.inflight[key] = c
	s.mu.Unlock()
	c.mod, c.err = s.build(ctx, key, name, src, timeout)
	s.mu.Lock()
	delete(s.inflight, key)
	s.mu.Unlock()
	close(c.done)
	return c.mod, c.err
}

// build builds the module of key in a slot.
func (s *Service) build(ctx context.Context, key, name string, src []byte, timeout time.Duration) (*Module, error) {
	release, err := s.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	if m, err := s.Lookup(key); err == nil { // built while we waited
		return m, nil
	}
	twin, err := twinbuild.RewriteProgram(s.opts.Root, name, src)
	if err != nil {
		return nil, programError(err)
	}
	if err := checkMain(name, src); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(s.opts.Cache, 0o755); err != nil {
		return nil, err
	}
	twinbuild.RemoveStale(s.opts.Cache, twinbuild.StaleAge, time.Now()) // best effort
	tmp, err := os.MkdirTemp(s.opts.Cache, key+".tmp")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	files := map[string][]byte{"lanes_module_main.go": mainGo(name), "twin/twin.go": twin}
	wasm := filepath.Join(tmp, ModuleFile)
	out, err := twinbuild.BuildOverlayCommand(bctx, s.opts.Root, twinbuild.OverlayDir, filepath.Join(tmp, "src"), files, wasm, s.limitedCommand(), s.env)
	if err != nil {
		return nil, s.buildError(ctx, bctx, timeout, name, out, err)
	}
	os.RemoveAll(filepath.Join(tmp, "src"))
	if err := compressFile(wasm); err != nil {
		return nil, err
	}
	final := filepath.Join(s.opts.Cache, key)
	if err := os.Rename(tmp, final); err != nil {
		if m, lerr := s.Lookup(key); lerr == nil { // another process won the race
			return m, nil
		}
		return nil, err
	}
	twinbuild.Prune(s.opts.Cache, MaxEntries, MaxBytes, twinbuild.MinAge, key, time.Now()) // best effort
	m, err := s.Lookup(key)
	if err != nil {
		return nil, err
	}
	m.Cached = false
	return m, nil
}

// mainGo is the module's main package.
func mainGo(name string) []byte {
	return fmt.Appendf(nil, `// Code generated by lanes progbuild; DO NOT EDIT.

package main

import (
	"lanes/internal/progwasm"
	"lanes/%s/twin"
)

func main() { progwasm.Serve(progwasm.New(twin.Main, %q)) }
`, twinbuild.OverlayDir, name)
}

// checkMain refuses, with Go's words, a program (that parses) without a
// func main.
func checkMain(name string, src []byte) error {
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil // the rewriter reported it
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			return nil
		}
	}
	return &ProgramError{Msg: name + ": function main is undeclared in the main package"}
}

// touch marks a cache entry as just used (best effort).
func touch(dir string) {
	now := time.Now()
	os.Chtimes(dir, now, now)
}

// buildEnv finds the go command and returns the whole environment of a
// build: the go command's own locations, read once from `go env` in the
// caller's environment, and the offline build settings; nothing else.
func buildEnv(cache string) (goCmd string, env []string, err error) {
	goCmd, err = exec.LookPath("go")
	if err != nil {
		return "", nil, fmt.Errorf("progbuild: no go command: %v", err)
	}
	goCmd, _ = filepath.Abs(goCmd)
	out, err := exec.Command(goCmd, "env", "GOROOT", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		return "", nil, fmt.Errorf("progbuild: go env: %v", err)
	}
	vals := strings.Split(strings.TrimRight(string(bytes.TrimSpace(out)), "\n"), "\n")
	if len(vals) != 4 {
		return "", nil, fmt.Errorf("progbuild: go env: unexpected output %q", out)
	}
	env = []string{
		"PATH=" + filepath.Dir(goCmd) + string(os.PathListSeparator) + "/usr/bin" + string(os.PathListSeparator) + "/bin",
		"HOME=" + filepath.Join(cache, ".home"),
		"GOROOT=" + vals[0], "GOCACHE=" + vals[1], "GOMODCACHE=" + vals[2], "GOPATH=" + vals[3],
		"TMPDIR=" + os.TempDir(),
		"GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0",
		"GOPROXY=off", "GOSUMDB=off", "GOFLAGS=-mod=mod -buildvcs=false",
		"GOWORK=off", "GOTOOLCHAIN=local", "GOTELEMETRY=off", "GOENV=off",
		"GOMEMLIMIT=" + BuildMemLimit,
	}
	return goCmd, env, nil
}

// buildError is the error of a go build that failed with err and output
// out, within bctx (timeout) of the caller's ctx.
func (s *Service) buildError(ctx, bctx context.Context, timeout time.Duration, name string, out []byte, err error) error {
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("progbuild: build stopped: %w", context.Cause(ctx))
	case bctx.Err() != nil:
		return &TimeoutError{Limit: timeout}
	}
	ee, ok := err.(*exec.ExitError)
	if !ok {
		return fmt.Errorf("progbuild: go build: %v", err)
	}
	sig := ""
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		sig = ws.Signal().String() // "CPU time limit exceeded" for SIGXCPU
	}
	if lerr := s.limitError(string(out), sig); lerr != nil {
		return lerr
	}
	return programError(twinbuild.CompileError(string(out), s.opts.Root, name))
}
