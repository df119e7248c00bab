package rewrite

import (
	"regexp"
	"strings"
	"testing"
)

// TestNameCalls: which declarations tell the run the program's name for an
// object (sim.Name after the declaration), and which cannot.
func TestNameCalls(t *testing.T) {
	tests := []struct {
		desc, decl string
		want       []string // the sim.Name calls, in order
	}{
		{desc: "a WaitGroup by value", decl: `var wg sync.WaitGroup; wg.Wait()`, want: []string{`sim.Name(&wg, "wg")`}},
		{desc: "a channel", decl: `jobs := make(chan int, 2); close(jobs)`, want: []string{`sim.Name(jobs, "jobs")`}},
		{desc: "a context and its cancel", decl: `ctx, cancel := context.WithTimeout(context.Background(), time.Second); defer cancel(); <-ctx.Done()`,
			want: []string{`sim.Name(ctx, "ctx")`}},
		{desc: "errgroup.WithContext's group and context", decl: `g, gctx := errgroup.WithContext(context.Background()); _ = g.Wait(); _ = gctx`,
			want: []string{`sim.Name(g, "g")`, `sim.Name(gctx, "gctx")`}},
		{desc: "a ticker (its channel)", decl: `ticker := time.NewTicker(time.Second); ticker.Stop()`, want: []string{`sim.Name(ticker, "ticker")`}},
		{desc: "a timer", decl: `timer := time.NewTimer(time.Second); timer.Stop()`, want: []string{`sim.Name(timer, "timer")`}},
		// a channel field is nil when the struct is made: not named
		{desc: "a struct value's fields", decl: `var d db; d.n++`, want: []string{`sim.Name(&d.mu, "d.mu")`}},
		{desc: "a new struct's fields", decl: `w := &db{}; w.n++`, want: []string{`sim.Name(&w.mu, "w.mu")`}},
		{desc: "new(T)'s fields", decl: `w := new(db); w.n++`, want: []string{`sim.Name(&w.mu, "w.mu")`}},
		{desc: "a pointer that may be nil: no field names", decl: `var w *db; _ = w`},
		{desc: "a pointer from a call: no field names", decl: `w := newDB(); _ = w`},
		{desc: "a plain value", decl: `n := 3; _ = n`},
		{desc: "the blank identifier", decl: `_ = make(chan int)`},
	}
	for _, tc := range tests {
		src := `package main

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type db struct {
	mu   sync.Mutex
	done chan bool
	n    int
}

func newDB() *db { return &db{} }

var _, _, _ = context.Background, time.Second, errgroup.WithContext

func main() {
	` + tc.decl + `
}
`
		out, err := Rewrite("main.go", []byte(src), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.desc, err)
		}
		got := regexp.MustCompile(`sim\.Name\([^\n]*\)`).FindAllString(string(out), -1)
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s: got %q, want %q", tc.desc, got, tc.want)
		}
	}
}
