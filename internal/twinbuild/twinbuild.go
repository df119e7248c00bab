// Package twinbuild turns one plain Go program into an executable that runs
// it under the Lanes simulator: the engine behind `lanes trace`, `lanes
// explore` and `lanes svg`.
//
// Spec:
//   - Build(path) reads the program (one package main file), rewrites it with
//     sim/rewrite into its instrumented twin, of package main (so that its
//     types print as main.T, as on Go; the program's main becomes _lmain),
//     and compiles it with `go build` into an executable whose main is
//     progmain.Main(Main, "<base name of path>"), so it understands the
//     subcommands trace, explore and svg (see package internal/progmain).
//   - The twin and its main are compiled as packages of the lanes module
//     itself (so they may import lanes/internal/progmain and resolve x/sync
//     with the module's own go.mod and go.sum, offline from the module
//     cache), without touching the repository: they exist only in a
//     `go build -overlay` file map, at the virtual directory
//     internal/twinbuild/overlay of the repository root.
//   - The repository root is $LANES_ROOT if set, else found from this source
//     file's path at build time (runtime.Caller). It must hold the go.mod of
//     module lanes.
//   - Results are cached in os.UserCacheDir()/lanes/twins/<key>/ (or
//     $LANES_TWIN_CACHE/<key>/): the twin, its main, the overlay map and
//     the executable. The key is a SHA-256
//     of the program's source, its shown name, the Go version and every
//     source file the executable is built from (sim/…, internal/progmain,
//     timeline, go.mod, go.sum): a changed program or simulator builds
//     again, an unchanged one returns at once. Concurrent Builds of the same
//     program are safe (each builds in its own directory, the first to
//     finish wins). Stale builds are removed and the cache is pruned, least
//     recently used first (see cache.go).
//   - BuildContext and BuildSourceContext stop the build (the go command)
//     when their context is done, leaving nothing behind.
//   - Errors keep the shown file's name and lines: a rewrite error is the
//     rewriter's "file:line:col: … is not supported yet" or type-checker
//     message, a compile error is the compiler's output with the virtual
//     directory left out of its paths and the simulator's packages named as
//     the ones they stand for. A refusal ("… is not supported yet") ends
//     with rewrite.SupportedHint. Such errors are *ProgramError;
//     anything else (no go command, unwritable cache) is not.
package twinbuild

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"lanes/sim/rewrite"
)

// layoutVersion changes whenever the files Build writes change shape.
const layoutVersion = "twinbuild 2"

// ProgramError is a problem with the program itself: it does not compile,
// or uses something the simulator does not support yet. Its text names
// the shown file and its lines.
type ProgramError struct{ Msg string }

func (e *ProgramError) Error() string { return e.Msg }

// Root returns the Lanes repository root: $LANES_ROOT, or the directory
// this package was compiled from, two levels up.
func Root() (string, error) {
	root := os.Getenv("LANES_ROOT")
	if root == "" {
		_, file, _, ok := runtime.Caller(0)
		if !ok || !filepath.IsAbs(file) {
			return "", errors.New("twinbuild: cannot find the lanes sources (built with -trimpath?): set LANES_ROOT to the repository root")
		}
		root = filepath.Dir(filepath.Dir(filepath.Dir(file)))
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !regexp.MustCompile(`(?m)^module lanes\s*$`).Match(mod) {
		return "", fmt.Errorf("twinbuild: %s is not the lanes repository (no go.mod of module lanes): set LANES_ROOT", root)
	}
	return root, nil
}

// CacheDir returns the directory holding the built twins:
// $LANES_TWIN_CACHE if set, else os.UserCacheDir()/lanes/twins.
func CacheDir() (string, error) {
	if dir := os.Getenv("LANES_TWIN_CACHE"); dir != "" {
		return dir, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("twinbuild: %v", err)
	}
	return filepath.Join(dir, "lanes", "twins"), nil
}

// exeName is the executable's name inside its cache directory.
func exeName() string {
	if runtime.GOOS == "windows" {
		return "lanes-twin.exe"
	}
	return "lanes-twin"
}

// Build returns the path of an executable that runs the program at path
// under the simulator, building it unless an identical one is cached.
func Build(path string) (exe string, err error) {
	return BuildContext(context.Background(), path)
}

// BuildContext is Build that stops building when ctx is done.
func BuildContext(ctx context.Context, path string) (exe string, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return BuildSourceContext(ctx, filepath.Base(path), src)
}

// BuildSource is Build for a program already read: name is the shown file
// name (as in panics and error messages), src its text.
func BuildSource(name string, src []byte) (exe string, err error) {
	return BuildSourceContext(context.Background(), name, src)
}

// BuildSourceContext is BuildSource that stops building when ctx is done.
func BuildSourceContext(ctx context.Context, name string, src []byte) (exe string, err error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	deps, err := depsHash(root)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", layoutVersion, runtime.Version(), root, deps, name)
	h.Write(src)
	key := hex.EncodeToString(h.Sum(nil))[:32]
	cache, err := CacheDir()
	if err != nil {
		return "", err
	}
	final := filepath.Join(cache, key)
	exe = filepath.Join(final, exeName())
	if fi, err := os.Stat(exe); err == nil && fi.Mode().IsRegular() {
		touch(final)
		return exe, nil
	}

	twin, err := rewrite.Rewrite(name, src, rewrite.Options{Dir: root, Package: "main"})
	if err != nil {
		var el rewrite.ErrorList
		var e rewrite.Error
		if errors.As(err, &el) || errors.As(err, &e) {
			return "", programError(err.Error())
		}
		return "", err
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", err
	}
	RemoveStale(cache, StaleAge, time.Now()) // best effort
	tmp, err := os.MkdirTemp(cache, key+".tmp")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	files := map[string][]byte{"lanes_main.go": mainGo(name), "twin.go": twin}
	if out, err := buildOverlay(ctx, root, overlayDir, tmp, files, filepath.Join(tmp, exeName())); err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("twinbuild: go build: %w", context.Cause(ctx))
		}
		if _, ok := err.(*exec.ExitError); !ok {
			return "", fmt.Errorf("twinbuild: go build: %v", err)
		}
		return "", programError(compileMessage(string(out), root, name))
	}
	if err := os.Rename(tmp, final); err != nil {
		// Another Build of the same program won the race: use its result.
		if _, serr := os.Stat(exe); serr == nil {
			touch(final)
			return exe, nil
		}
		return "", err
	}
	touch(final)
	Prune(cache, MaxEntries, MaxBytes, MinAge, key, time.Now()) // best effort
	return exe, nil
}

// overlayDir is where, relative to the repository root, the twin's
// packages seem to be while they build.
const overlayDir = "internal/twinbuild/overlay"

// BuildOverlay compiles packages that exist only in a go build overlay:
// files (paths relative to virtual, a folder below the repository root
// whose package virtual itself is the main package) are written into dir,
// with the overlay map (dir/overlay.json), and built into exe by `go build`
// run at root. out is the compiler's output; err is an *exec.ExitError
// when the packages do not compile.
func BuildOverlay(root, virtual, dir string, files map[string][]byte, exe string) (out []byte, err error) {
	return buildOverlay(context.Background(), root, virtual, dir, files, exe)
}

// buildOverlay is BuildOverlay that kills the go command when ctx is done.
func buildOverlay(ctx context.Context, root, virtual, dir string, files map[string][]byte, exe string) (out []byte, err error) {
	return BuildOverlayEnv(ctx, root, virtual, dir, files, exe, "go", append(os.Environ(), "GOWORK=off"))
}

// BuildOverlayEnv is BuildOverlay that runs the go command goCmd with
// exactly the environment env, and kills it when ctx is done.
func BuildOverlayEnv(ctx context.Context, root, virtual, dir string, files map[string][]byte, exe, goCmd string, env []string) (out []byte, err error) {
	return BuildOverlayCommand(ctx, root, virtual, dir, files, exe, []string{goCmd}, env)
}

// BuildOverlayCommand is BuildOverlayEnv that runs command (the go
// command, or a wrapper that ends by executing it: its arguments come
// after command's) instead of goCmd.
func BuildOverlayCommand(ctx context.Context, root, virtual, dir string, files map[string][]byte, exe string, command, env []string) (out []byte, err error) {
	overlay := map[string]map[string]string{"Replace": {}}
	for f, b := range files {
		real := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(real), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(real, b, 0o644); err != nil {
			return nil, err
		}
		overlay["Replace"][filepath.Join(root, filepath.FromSlash(virtual), filepath.FromSlash(f))] = real
	}
	b, err := json.MarshalIndent(overlay, "", "\t")
	if err != nil {
		return nil, err
	}
	ov := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ov, b, 0o644); err != nil {
		return nil, err
	}
	args := append(command[1:len(command):len(command)], "build", "-overlay", ov, "-o", exe, "./"+virtual)
	cmd := exec.CommandContext(ctx, command[0], args...)
	cmd.Cancel = func() error { return interrupt(cmd.Process) }
	cmd.WaitDelay = 5 * time.Second // then it is killed
	cmd.Dir = root
	cmd.Env = env
	return cmd.CombinedOutput()
}

// interrupt asks p to stop (the go command then stops its own children),
// or kills it where it cannot be asked.
func interrupt(p *os.Process) error {
	if err := p.Signal(os.Interrupt); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return p.Kill()
	}
	return nil
}

// mainGo is the executable's entry, in the twin's own package main (so
// that the program's types print as main.T, as on Go); the program's main
// is the twin's _lmain. The import's name is reserved to the rewriter.
func mainGo(name string) []byte {
	return fmt.Appendf(nil, `// Code generated by lanes twinbuild; DO NOT EDIT.

package main

import _lprogmain "lanes/internal/progmain"

func main() { _lprogmain.Main(Main, %q) }
`, name)
}

// programError is the ProgramError of msg, which ends with where the list
// of what is supported lives when msg refuses something not supported.
func programError(msg string) *ProgramError {
	if strings.Contains(msg, " is not supported yet") {
		msg += "\n" + rewrite.SupportedHint
	}
	return &ProgramError{Msg: msg}
}

// undefinedMember is the compiler's word for a member a mirror lacks (the
// rewriter refuses those it knows of; this catches any it does not).
var undefinedMember = regexp.MustCompile(`undefined: ([a-z]+\.[A-Z]\w*)$`)

// compileMessage keeps the compiler's lines that matter, with the virtual
// directory left out of their paths, mirrors named as the packages they
// mirror, and a member a mirror lacks reported as not supported yet.
func compileMessage(out, root, name string) string {
	sep := string(filepath.Separator)
	virtual := filepath.FromSlash(overlayDir)
	prefixes := []string{
		filepath.Join(root, virtual, "twin") + sep, filepath.Join(root, virtual) + sep,
		"." + sep + filepath.Join(virtual, "twin") + sep, "." + sep + virtual + sep,
		filepath.Join(virtual, "twin") + sep, virtual + sep,
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if strings.HasPrefix(line, "# ") {
			continue
		}
		for _, p := range prefixes {
			line = strings.ReplaceAll(line, p, "")
		}
		line = undefinedMember.ReplaceAllString(rewrite.PublicNames(line), "$1 is not supported yet")
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return name + ": does not compile"
	}
	return strings.Join(lines, "\n")
}

// depsHash hashes every source file the executable is built from, once per
// process and root.
func depsHash(root string) (string, error) {
	return SourcesHash(root, StillDirs...)
}

// The module's directories a build's cache key hashes (SourcesHash): what
// a program module (internal/progwasm) and a still or twin executable
// (internal/progmain) are built from, each with every package of the
// module it imports. A change there must change the key, so
// TestSourceDirsCoverDeps holds these lists to go list -deps.
var (
	ProgramDirs = []string{"sim", "minjson", "internal/ptrsort", "internal/progwasm"}
	StillDirs   = []string{"sim", "minjson", "internal/ptrsort", "internal/progmain", "timeline"}
)

// SourcesHash hashes go.mod, go.sum and the non-test Go files under the
// directories dirs of root, once per process, root and dirs.
func SourcesHash(root string, dirs ...string) (string, error) {
	depsMu.Lock()
	defer depsMu.Unlock()
	memo := root + "\x00" + strings.Join(dirs, "\x00")
	if h, ok := depsMemo[memo]; ok {
		return h, nil
	}
	h := sha256.New()
	for _, f := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() {
				if n := e.Name(); n == "testdata" || strings.HasPrefix(n, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
			h.Write(b)
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("twinbuild: hashing the lanes sources: %v", err)
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))
	depsMemo[memo] = sum
	return sum, nil
}

var (
	depsMu   sync.Mutex
	depsMemo = map[string]string{}
)
