package progmain

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Exec runs a program built by twinbuild (exe, whose main is Main) with
// args (the subcommand and its flags), the way the lanes command runs
// every program:
//
//   - its stdin and stdout are the given ones; its own stderr goes to
//     stderr through a descriptor of its own (fd 3, $LANES_STDERR_FD),
//     while its standard error proper is kept apart: it holds only what
//     the Go runtime writes when it dies (a fatal error and every stack).
//     Such a death by a limit (the stack limit, the hard memory limit)
//     becomes one line on stderr, "lanes: stopped: …"; any other is passed
//     on as it is.
//   - when ctx is done (the lanes command got SIGINT or SIGTERM) the
//     program gets SIGTERM, and is killed if it has not ended within
//     KillDelay; Exec returns once it has ended.
//
// code is the program's exit status; err is set when it did not exit
// (it could not start, or was ended by a signal).
func Exec(ctx context.Context, exe string, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int, err error) {
	return ExecEnv(ctx, exe, args, os.Environ(), stdin, stdout, stderr)
}

// ExecEnv is Exec with the program's environment env instead of the
// caller's (the server runs untrusted programs with none of its own).
func ExecEnv(ctx context.Context, exe string, args, env []string, stdin io.Reader, stdout, stderr io.Writer) (code int, err error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout = stdin, stdout
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return cmd.Process.Kill()
		}
		return nil
	}
	cmd.WaitDelay = KillDelay
	var crash headBuffer
	var copied chan struct{}
	if runtime.GOOS == "windows" { // no descriptors to pass: no report of limits
		cmd.Stderr = stderr
	} else {
		cmd.Stderr = &crash
		f, isFile := stderr.(*os.File)
		if !isFile {
			r, w, err := os.Pipe()
			if err != nil {
				return 1, err
			}
			defer r.Close()
			defer w.Close()
			f = w
			copied = make(chan struct{})
			go func() {
				io.Copy(stderr, r)
				close(copied)
			}()
		}
		cmd.ExtraFiles = []*os.File{f}
		cmd.Env = append(env[:len(env):len(env)], stderrFDEnv+"=3")
	}
	if err := cmd.Start(); err != nil {
		return 1, err
	}
	if copied != nil {
		cmd.ExtraFiles[0].Close() // the program holds it now
	}
	started(cmd.Process)
	werr := cmd.Wait()
	if copied != nil {
		<-copied
	}
	if report := crashReport(crash.String()); report != "" {
		io.WriteString(stderr, report)
	}
	var ee *exec.ExitError
	switch {
	case werr == nil:
		return 0, nil
	case errors.As(werr, &ee) && ee.Exited():
		return ee.ExitCode(), nil
	}
	return 1, werr
}

// started is called with every process Exec starts (a hook for tests).
var started = func(*os.Process) {}

// KillDelay is how long Exec lets a program end after SIGTERM before
// killing it.
const KillDelay = 2 * time.Second

// stderrFDEnv names the environment variable that tells Main which
// descriptor is its stderr.
const stderrFDEnv = "LANES_STDERR_FD"

// limitsHeader starts the line Main writes on its standard error proper
// (then only read by Exec) to say which limits hold.
const limitsHeader = "lanes:limits "

var stackExceeds = regexp.MustCompile(`runtime: goroutine stack exceeds (\d+)-byte limit`)

// crashReport turns what a program's runtime wrote on its standard error
// proper into what the user reads: nothing, the line of the limit that
// killed it, or the text as it is.
func crashReport(s string) string {
	var lim Limits
	if rest, ok := strings.CutPrefix(s, limitsHeader); ok {
		header, body, _ := strings.Cut(rest, "\n")
		for _, f := range strings.Fields(header) {
			k, v, _ := strings.Cut(f, "=")
			n, _ := strconv.ParseInt(v, 10, 64)
			switch k {
			case "memory":
				lim.Memory = n
			case "stack":
				lim.Stack = n
			}
		}
		s = body
	}
	switch {
	case s == "":
		return ""
	case strings.Contains(s, "\nfatal error: stack overflow"):
		n := lim.Stack
		if m := stackExceeds.FindStringSubmatch(s); m != nil {
			n, _ = strconv.ParseInt(m[1], 10, 64)
		}
		return stackLine(n)
	case strings.HasPrefix(s, "fatal error: out of memory") || strings.HasPrefix(s, "runtime: out of memory") ||
		strings.Contains(s, "\nfatal error: out of memory"):
		if lim.Memory > 0 {
			return memoryLine(lim.Memory)
		}
		return "lanes: stopped: the program ran out of memory\n"
	}
	return s
}

// headBuffer keeps the first maxCrash bytes written to it.
type headBuffer struct{ bytes.Buffer }

const maxCrash = 1 << 20

func (b *headBuffer) Write(p []byte) (int, error) {
	if room := maxCrash - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// processStderr is what Main uses as stderr, and where it reports its
// limits: with $LANES_STDERR_FD set (by Exec), that descriptor and
// os.Stderr; else os.Stderr and nothing.
func processStderr() (stderr io.Writer, report io.Writer) {
	if v := os.Getenv(stderrFDEnv); v != "" {
		if fd, err := strconv.Atoi(v); err == nil && fd > 2 {
			os.Unsetenv(stderrFDEnv)
			return os.NewFile(uintptr(fd), "stderr"), os.Stderr
		}
	}
	return os.Stderr, io.Discard
}

// reportLimits tells Exec which limits hold.
func reportLimits(w io.Writer, lim Limits) {
	fmt.Fprintf(w, "%smemory=%d stack=%d\n", limitsHeader, lim.Memory, lim.Stack)
}
