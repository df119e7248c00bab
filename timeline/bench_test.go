package timeline

import (
	"strconv"
	"testing"

	"lanes/sim/trace"
)

// bigTrace builds a valid trace with n goroutines and about 10 events each:
// main starts them all, each runs, sends its result to main over a
// channel (handover), sleeps, and calls Done; main waits.
func bigTrace(n int) *trace.Trace {
	b := newBuilder("big.go")
	wg := b.obj(trace.ObjWaitGroup, "wg", 5, 0)
	gs := make([]trace.GoID, n)
	for i := range gs {
		b.wgAdd(wg, 1, 8)
		gs[i] = b.spawn([]string{"worker", "fetch"}[i%2], 9)
	}
	for i, g := range gs {
		b.run(g)
		b.ev(trace.Event{Kind: trace.KindStmt, Line: 12})
		b.print("job "+strconv.Itoa(i)+"\n", 13)
		b.sleep(trace.Time(i%50+1)*1e6, 14)
	}
	for ms := trace.Time(1); ms <= 50; ms++ {
		b.now = ms * 1e6
		for i, g := range gs {
			if trace.Time(i%50+1) == ms {
				b.wake(g)
				b.run(g)
				b.wgAdd(wg, -1, 15)
				b.done()
			}
		}
	}
	b.run(1)
	b.done()
	return b.exit(trace.ExitOK, "main returned", nil)
}

func BenchmarkLayoutAndSVG(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		tr := bigTrace(n)
		if err := trace.Validate(tr); err != nil {
			b.Fatal(err)
		}
		b.Run(strconv.Itoa(n)+"goroutines_"+strconv.Itoa(len(tr.Events))+"events", func(b *testing.B) {
			size := 0
			for b.Loop() {
				size = len(SVG(Layout(tr, Options{InFlight: true}), SVGOptions{}))
			}
			b.ReportMetric(float64(size), "svg-bytes")
		})
	}
}

func TestBigTraceLayout(t *testing.T) {
	tr := bigTrace(3000)
	if err := trace.Validate(tr); err != nil {
		t.Fatalf("big trace invalid: %v", err)
	}
	tests := []struct {
		desc  string
		opts  Options
		lanes int // at most
	}{
		{"folded (the default)", Options{}, 12},
		{"not folded: MaxLanes lanes", Options{Fold: -1}, 200},
	}
	for _, tc := range tests {
		d := Layout(tr, tc.opts)
		if got := len(d.Lanes); got > tc.lanes || got < 2 {
			t.Errorf("%s: got %d lanes, want 2..%d", tc.desc, got, tc.lanes)
		}
		members := 0
		for _, ln := range d.Lanes {
			members += ln.Members
			if ln.Kind == LaneGroup {
				continue
			}
			members++
			for i, s := range ln.Segments {
				if s.X1-s.X0 < minPx && len(ln.Segments) > 1 {
					t.Errorf("%s: lane %q: segment %d is %.2fpx wide after merging", tc.desc, ln.Label, i, s.X1-s.X0)
				}
			}
		}
		if got, want := members, len(tr.Goroutines); got != want {
			t.Errorf("%s: goroutines in lanes: got %d, want %d", tc.desc, got, want)
		}
		checkXML(t, "big trace", SVG(d, SVGOptions{}))
	}
}
