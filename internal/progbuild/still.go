package progbuild

// Stills: one run of a program on the server, for the prerendered
// timeline of its page (/p/ID) and its picture.
//
// Spec:
//   - Still(ctx, name, src) runs the program once the way /play's Run
//     first runs it in the browser (strategy runtime, seed 1,
//     progwasm's default step and output limits) and returns the run's
//     trace as JSON (sim/trace, v3). The program's twin is the module's
//     (twinbuild.RewriteProgram), built for this machine with the same
//     offline environment as a module (GOOS and GOARCH aside), in a
//     build slot taken only when one is free (TryAcquire: else a
//     *BusyError at once; a still never queues before a reader's build) and
//     within Timeout (a *TimeoutError); the executable is run in the same
//     slot, with no environment of the server's, under
//     internal/progmain's limits (StillLimits) and the build's hard
//     limits (rlimit.go), and stopped after
//     StillRunTime; nothing is kept on disk but the answer's bytes.
//   - A program that does not compile or is not supported is a
//     *ProgramError, as Build reports it. A run that gives no trace (a
//     limit of the process stopped it: memory, stack, time) is a
//     *RunError whose Msg says which.
//   - StillKey names what a still depends on (the program, its shown name,
//     the Go version, the simulator's and progmain's sources): a store
//     keeps it beside the trace and runs the program again when it
//     changes.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"lanes/internal/progmain"
	"lanes/internal/twinbuild"
	"lanes/sim/trace"
)

// The limits of a still's run.
const (
	StillSteps   = 20_000  // as progwasm.DefaultSteps
	StillOutput  = 1 << 20 // as progwasm.DefaultOutput
	StillRunTime = 10 * time.Second
	// maxStillTrace bounds the trace's JSON read from the program.
	maxStillTrace = 32 << 20
)

// StillLimits are the limits of the process that runs a still.
var StillLimits = progmain.Limits{Memory: 256 << 20, Output: StillOutput, Stack: 64 << 20}

// stillLayout changes whenever what a still holds changes shape.
const stillLayout = "still 1"

// RunError is a run that gave no trace; Msg says why, in words.
type RunError struct{ Msg string }

func (e *RunError) Error() string { return e.Msg }

// StillKey returns the key of the still of the program src shown as name.
func (s *Service) StillKey(name string, src []byte) (string, error) {
	deps, err := twinbuild.SourcesHash(s.opts.Root, twinbuild.StillDirs...)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", stillLayout, runtime.Version(), deps, name)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Still runs the program once and returns its trace as JSON (see the spec
// above).
func (s *Service) Still(ctx context.Context, name string, src []byte) ([]byte, error) {
	if err := Check(name, src); err != nil {
		return nil, err
	}
	release, err := s.TryAcquire()
	if err != nil {
		return nil, err
	}
	defer release()
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
	tmp, err := os.MkdirTemp(s.opts.Cache, "still.tmp")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	files := map[string][]byte{"lanes_still_main.go": stillMain(name), "twin/twin.go": twin}
	exe := filepath.Join(tmp, "still")
	out, err := twinbuild.BuildOverlayCommand(bctx, s.opts.Root, twinbuild.OverlayDir, filepath.Join(tmp, "src"), files, exe, s.limitedCommand(), s.nativeEnv())
	if err != nil {
		return nil, s.buildError(ctx, bctx, s.opts.Timeout, name, out, err)
	}
	return s.runStill(ctx, exe)
}

// runStill runs the still's executable exe and reads its trace. Besides
// progmain's own limits, the process runs under the build's hard limits
// (rlimit.go: set by the shell before it becomes the program).
func (s *Service) runStill(ctx context.Context, exe string) ([]byte, error) {
	rctx, cancel := context.WithTimeout(ctx, StillRunTime)
	defer cancel()
	args := []string{"trace", "-json", "-seed", "1", "-strategy", "runtime", "-steps", fmt.Sprint(StillSteps),
		"-max-memory", fmt.Sprint(StillLimits.Memory), "-max-output", fmt.Sprint(StillLimits.Output),
		"-max-stack", fmt.Sprint(StillLimits.Stack)}
	stdout := &capped{max: maxStillTrace}
	stderr := &capped{max: 64 << 10}
	cmd := s.limited(exe)
	_, err := progmain.ExecEnv(rctx, cmd[0], append(cmd[1:len(cmd):len(cmd)], args...), []string{}, nil, stdout, stderr)
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("progbuild: run stopped: %w", context.Cause(ctx))
	case rctx.Err() != nil:
		return nil, &RunError{Msg: fmt.Sprintf("the program ran for more than %v without ending (a loop that never waits, sleeps or prints?), so the server stopped it", StillRunTime)}
	case stdout.over:
		return nil, &RunError{Msg: "the run's trace is too long to keep"}
	}
	if _, derr := trace.Unmarshal(stdout.Bytes()); derr == nil {
		return stdout.Bytes(), nil
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if msg, ok := strings.CutPrefix(line, "lanes: stopped: "); ok {
			return nil, &RunError{Msg: "the run was stopped: " + msg}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("progbuild: running the program: %v", err)
	}
	return nil, &RunError{Msg: "the program ended without a trace: " + strings.TrimSpace(stderr.String())}
}

// capped is a buffer that keeps at most max bytes and says when more came.
type capped struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	n := len(p)
	if room := c.max - c.Len(); len(p) > room {
		c.over = true
		p = p[:max(room, 0)]
	}
	c.Buffer.Write(p)
	return n, nil
}

// nativeEnv is a module build's environment for this machine's GOOS and
// GOARCH.
func (s *Service) nativeEnv() []string {
	env := make([]string, 0, len(s.env))
	for _, kv := range s.env {
		switch {
		case strings.HasPrefix(kv, "GOOS="):
			kv = "GOOS=" + runtime.GOOS
		case strings.HasPrefix(kv, "GOARCH="):
			kv = "GOARCH=" + runtime.GOARCH
		}
		env = append(env, kv)
	}
	return env
}

// stillMain is the still executable's main package.
func stillMain(name string) []byte {
	return fmt.Appendf(nil, `// Code generated by lanes progbuild; DO NOT EDIT.

package main

import (
	"lanes/internal/progmain"
	"lanes/%s/twin"
)

func main() { progmain.Main(twin.Main, %q) }
`, twinbuild.OverlayDir, name)
}
