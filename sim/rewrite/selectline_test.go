package rewrite

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// TestSelectCaseLine runs a rewritten select whose cases are on their own
// lines: the timer of `case <-time.After(d):` and its events are at the
// case's line, not the select statement's; the select's wait and choice
// stay at the select's.
func TestSelectCaseLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	src := `package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	select {
	case v := <-ch:
		fmt.Println(v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
}
`
	const selectLine, afterLine = 10, 13
	twin, err := Rewrite("prog.go", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if missing := mirrorsMissing(twin); len(missing) > 0 {
		t.Skipf("mirrors missing: %v", missing)
	}
	// Outside lanes/sim/, whose frames the simulator skips when it walks
	// the stack for a line.
	dir := filepath.Join("..", "..", "testdata", "selectline-build")
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.MkdirAll(filepath.Join(dir, "twin"), 0o755); err != nil {
		t.Fatal(err)
	}
	runner := `package main

import (
	"encoding/json"
	"os"

	"lanes/sim"
	"lanes/testdata/selectline-build/twin"
)

func main() {
	json.NewEncoder(os.Stdout).Encode(sim.Run(twin.Main, sim.Options{Program: "prog.go"}))
}
`
	for name, text := range map[string]string{"twin/twin.go": string(twin), "main.go": runner} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("go", "run", "./"+filepath.ToSlash(dir)).Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	var tr trace.Trace
	if err := json.Unmarshal(out, &tr); err != nil {
		t.Fatalf("the run's trace: %v\n%s", err, out)
	}
	timer := trace.NoObject
	for _, o := range tr.Objects {
		if strings.Contains(o.Name, "time.After") {
			timer = o.ID
			if o.Line != afterLine {
				t.Errorf("the timer %q is at line %d, want %d (its case's line)", o.Name, o.Line, afterLine)
			}
		}
	}
	if timer == trace.NoObject {
		t.Fatalf("no time.After object in the trace: %+v", tr.Objects)
	}
	n := 0
	for _, e := range tr.Events {
		if e.Obj != timer || e.Line == 0 {
			continue
		}
		n++
		want := int32(afterLine)
		if e.Kind == trace.KindSelect || e.Kind == trace.KindState {
			want = selectLine // the select's wait and choice
		}
		if e.Line != want {
			t.Errorf("event %+v on the timer: line %d, want %d", e, e.Line, want)
		}
	}
	for _, kind := range []trace.Kind{trace.KindTimer, trace.KindRecv} {
		if !slices.ContainsFunc(tr.Events, func(e trace.Event) bool { return e.Obj == timer && e.Kind == kind && e.Line == afterLine }) {
			t.Errorf("no %v event on the timer at line %d:\n%s", kind, afterLine, out)
		}
	}
}
