//go:build !wasm

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperCLI is the lanes command when the test binary is run by
// TestTwinCommandEndsItsProgram: it runs the arguments after "--".
func TestHelperCLI(t *testing.T) {
	if os.Getenv("LANES_HELPER_CLI") != "1" {
		t.Skip("the lanes command, for TestTwinCommandEndsItsProgram")
	}
	i := slices.Index(os.Args, "--")
	os.Exit(run(os.Args[i+1:]))
}

// SIGTERM to `lanes explore` ends the program it runs, before the
// command itself ends.
func TestTwinCommandEndsItsProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a twin with the go command")
	}
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("finds the program's process in /proc")
	}
	prog := filepath.Join(t.TempDir(), "hello.go")
	src := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"
	if err := os.WriteFile(prog, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// Two billion runs: it never ends on its own.
	cli := exec.Command(os.Args[0], "-test.run=^TestHelperCLI$", "--", "explore", "-runs", "2000000000", prog)
	cli.Env = append(os.Environ(), "LANES_HELPER_CLI=1")
	if err := cli.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cli.Wait() }()
	defer func() { // whatever happens, nothing is left running
		cli.Process.Kill()
	}()

	var child int
	for deadline := time.Now().Add(5 * time.Minute); child == 0; {
		child = twinChild(cli.Process.Pid)
		select {
		case err := <-exited:
			t.Fatalf("the command ended before its program started: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the program never started")
		}
	}

	if err := cli.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
			t.Errorf("after SIGTERM the command ended with %v, want exit status 143", err)
		}
	case <-time.After(5 * time.Minute): // a bound, not a wait
		t.Fatal("the command did not end after SIGTERM")
	}
	// The command reaps its program before it ends: it is gone already.
	if alive(child) {
		syscall.Kill(child, syscall.SIGKILL)
		t.Errorf("the program (pid %d) outlived the command", child)
	}
}

// twinChild returns the pid of a lanes-twin process whose parent is pid,
// or 0.
func twinChild(pid int) int {
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		p, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", d.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		i := strings.LastIndexByte(string(stat), ')')
		f := strings.Fields(string(stat[i+1:]))
		if len(f) < 2 || f[1] != strconv.Itoa(pid) {
			continue
		}
		if cmd, _ := os.ReadFile(filepath.Join("/proc", d.Name(), "cmdline")); strings.Contains(string(cmd), "lanes-twin") {
			return p
		}
	}
	return 0
}

// alive reports whether pid is a lanes-twin process that has not ended
// (a zombie has ended).
func alive(pid int) bool {
	stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	i := strings.LastIndexByte(string(stat), ')')
	f := strings.Fields(string(stat[i+1:]))
	cmd, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	return len(f) > 0 && f[0] != "Z" && strings.Contains(string(cmd), "lanes-twin")
}
