//go:build !wasm

package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestSplitProgram(t *testing.T) {
	tests := []struct {
		desc       string
		args       []string
		prog, rest string
		err        bool
	}{
		{desc: "program last", args: []string{"-seed", "3", "prog.go"}, prog: "prog.go", rest: "-seed 3"},
		{desc: "program first", args: []string{"dir/prog.go", "-json"}, prog: "dir/prog.go", rest: "-json"},
		{desc: "program arguments", args: []string{"prog.go", "--", "x.go"}, prog: "prog.go", rest: "-- x.go"},
		{desc: "no program", args: []string{"-json"}, err: true},
		{desc: "only after --", args: []string{"--", "x.go"}, err: true},
	}
	for _, tt := range tests {
		prog, rest, err := splitProgram(tt.args)
		if (err != nil) != tt.err {
			t.Errorf("%s: err = %v, want error %v", tt.desc, err, tt.err)
			continue
		}
		if prog != tt.prog || strings.Join(rest, " ") != tt.rest {
			t.Errorf("%s: splitProgram = %q, %q; want %q, %q", tt.desc, prog, rest, tt.prog, tt.rest)
		}
	}
}

// TestTwinCommands runs the registered commands end to end on a program of
// the fidelity suite.
func TestTwinCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a twin with the go command")
	}
	const prog = "testdata/fidelity/05_waitgroup_forgotten_done.go"
	tests := []struct {
		desc   string
		args   []string
		code   int
		stdout string // prefix
		stderr string // substring
	}{
		{desc: "trace", args: []string{"trace", prog}, code: 2,
			stdout: "worker 2 forgot Done\nworker 1 done\n", stderr: "fatal error: all goroutines are asleep - deadlock!"},
		{desc: "trace -json", args: []string{"trace", "-json", prog}, code: 2, stdout: `{"version":3,`},
		{desc: "explore", args: []string{"explore", "-runs", "20", prog}, stdout: "20 random schedules (the first one the runtime strategy's)"},
		{desc: "svg", args: []string{"svg", prog, "-theme", "dark"}, stdout: "<svg", stderr: "lanes: deadlock"},
		{desc: "no program", args: []string{"trace", "-json"}, code: 1, stderr: "no program given"},
		{desc: "missing program", args: []string{"trace", "nothere.go"}, code: 1, stderr: "nothere.go"},
		{desc: "bad flag", args: []string{"trace", "-frob", prog}, code: 1, stderr: "flag provided but not defined"},
	}
	defer func(o, e io.Writer) { stdout, stderr = o, e }(stdout, stderr)
	for _, tt := range tests {
		var o, e bytes.Buffer
		stdout, stderr = &o, &e
		code := run(tt.args)
		if code != tt.code {
			t.Errorf("%s: exit status %d, want %d (stderr %s)", tt.desc, code, tt.code, e.String())
		}
		if !strings.HasPrefix(o.String(), tt.stdout) {
			t.Errorf("%s: stdout starts %.60q, want %q", tt.desc, o.String(), tt.stdout)
		}
		if !strings.Contains(e.String(), tt.stderr) {
			t.Errorf("%s: stderr lacks %q:\n%s", tt.desc, tt.stderr, e.String())
		}
	}
}
