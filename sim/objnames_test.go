package sim_test

import (
	"strings"
	"testing"
	gotime "time"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/time"
	"lanes/sim/trace"
)

func TestUniqueNames(t *testing.T) {
	obj := func(id int, name string, line int32) trace.Object {
		return trace.Object{ID: trace.ObjID(id), Name: name, Line: line}
	}
	tests := []struct {
		desc   string
		objs   []trace.Object
		doneOf map[trace.ObjID]trace.ObjID
		want   []string
	}{
		{desc: "distinct names stay", objs: []trace.Object{obj(1, "wg", 3), obj(2, "mu", 4)}, want: []string{"wg", "mu"}},
		{desc: "one name at two lines: the lines tell them apart",
			objs: []trace.Object{obj(1, "wg", 12), obj(2, "wg", 30)}, want: []string{"wg (line 12)", "wg (line 30)"}},
		{desc: "a variable declared in a loop: numbered in order",
			objs: []trace.Object{obj(1, "ctx", 28), obj(2, "ctx", 28), obj(3, "ctx", 28)}, want: []string{"ctx 1", "ctx 2", "ctx 3"}},
		{desc: "both: numbered at a line, and the lines",
			objs: []trace.Object{obj(1, "ch", 5), obj(2, "ch", 5), obj(3, "ch", 9)}, want: []string{"ch 1 (line 5)", "ch 2 (line 5)", "ch (line 9)"}},
		{desc: "a call's name keeps its line last",
			objs: []trace.Object{obj(1, "time.After (line 13)", 13), obj(2, "time.After (line 13)", 13), obj(3, "time.After (line 20)", 20)},
			want: []string{"time.After 1 (line 13)", "time.After 2 (line 13)", "time.After (line 20)"}},
		{desc: "a Done channel follows its context's name",
			objs:   []trace.Object{obj(1, "ctx", 28), obj(2, "ctx.Done()", 16), obj(3, "ctx", 28), obj(4, "ctx.Done()", 16)},
			doneOf: map[trace.ObjID]trace.ObjID{2: 1, 4: 3},
			want:   []string{"ctx 1", "ctx 1.Done()", "ctx 2", "ctx 2.Done()"}},
	}
	for _, tc := range tests {
		sim.UniqueNames(tc.objs, tc.doneOf)
		var got []string
		for _, o := range tc.objs {
			got = append(got, o.Name)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.desc, got, tc.want)
		}
	}
}

// TestCallNames runs what the rewriter writes for objects made by calls:
// a context and a ticker the program names, a time.After and a
// context.WithTimeout it does not, and a context declared in a loop.
func TestCallNames(t *testing.T) {
	prog := func() {
		ticker := time.NewTicker(gotime.Millisecond)
		sim.Name(ticker, "ticker")
		ticker.C.Recv()
		ticker.Stop()
		time.After(gotime.Millisecond).Recv()
		for range 2 {
			ctx, cancel := context.WithCancel(context.Background())
			sim.Name(ctx, "ctx")
			cancel()
			ctx.Done().Recv()
		}
		ctx, cancel := context.WithTimeout(context.Background(), gotime.Millisecond)
		defer cancel()
		ctx.Done().Recv()
	}
	tr := sim.Run(prog, sim.Options{Program: "main.go"})
	if err := trace.Validate(tr); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range tr.Objects {
		got = append(got, o.Kind.String()+" "+o.Name)
	}
	want := []string{"timer ticker", "timer time.After (line *)", "context ctx 1", "chan ctx 1.Done()",
		"context ctx 2", "chan ctx 2.Done()", "context context.WithTimeout (line *)", "chan context.WithTimeout (line *).Done()"}
	if len(got) != len(want) {
		t.Fatalf("objects: got %q, want %q", got, want)
	}
	for i := range want {
		pre, post, _ := strings.Cut(want[i], "*")
		if !strings.HasPrefix(got[i], pre) || !strings.HasSuffix(got[i], post) {
			t.Errorf("object %d: got %q, want %q", i+1, got[i], want[i])
		}
	}
}
