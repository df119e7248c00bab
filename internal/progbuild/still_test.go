package progbuild

import (
	"context"
	"errors"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// A still is the trace of the program's first run, as /play's Run gives
// it; a program with a problem says so in words.
func TestStill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	s := newService(t, Options{})
	tests := []struct {
		desc, src string
		output    string // of the trace
		exit      trace.ExitKind
		err       string // in the *ProgramError or *RunError
	}{
		{desc: "a program with a goroutine", src: "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); fmt.Println(\"hi\") }()\n\twg.Wait()\n}\n",
			output: "hi\n", exit: trace.ExitOK},
		{desc: "a deadlock is a run too", src: "package main\n\nfunc main() {\n\tc := make(chan int)\n\t<-c\n}\n", exit: trace.ExitDeadlock},
		{desc: "a compile error", src: "package main\n\nfunc main() {\n\tx := 1\n}\n", err: "main.go:4:2: declared and not used: x"},
		{desc: "a program that uses too much memory", src: "package main\n\nvar keep [][]byte\n\nfunc main() {\n\tfor {\n\t\tkeep = append(keep, make([]byte, 1<<20))\n\t}\n}\n",
			err: "the run was stopped: the program used more than 256 MiB of memory"},
	}
	for _, tt := range tests {
		b, err := s.Still(context.Background(), "main.go", []byte(tt.src))
		if tt.err != "" {
			var pe *ProgramError
			var re *RunError
			switch {
			case errors.As(err, &pe):
				if !strings.Contains(pe.Msg, tt.err) {
					t.Errorf("%s: error %q, want it to contain %q", tt.desc, pe.Msg, tt.err)
				}
			case errors.As(err, &re):
				if !strings.Contains(re.Msg, tt.err) {
					t.Errorf("%s: error %q, want it to contain %q", tt.desc, re.Msg, tt.err)
				}
			default:
				t.Errorf("%s: err = %v (%T), want a *ProgramError or *RunError", tt.desc, err, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.desc, err)
			continue
		}
		tr, err := trace.Unmarshal(b)
		if err != nil {
			t.Errorf("%s: the still is not a trace: %v", tt.desc, err)
			continue
		}
		if got := tr.Outcome.Output; got != tt.output || tr.Outcome.Exit != tt.exit {
			t.Errorf("%s: output %q, exit %v; want %q, %v", tt.desc, got, tr.Outcome.Exit, tt.output, tt.exit)
		}
	}
}
