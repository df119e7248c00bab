package timeline

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lanes/sim/trace"
)

func TestXSeqRoundTrip(t *testing.T) {
	for _, c := range goldenCases {
		for _, sc := range []Scale{ScaleTime, ScaleStep} {
			tr := c.trace()
			d := Layout(tr, Options{Scale: sc})
			for k := range tr.Events {
				if k > 0 && d.X(k) <= d.X(k-1) {
					t.Errorf("%s, %v scale: X(%d)=%.3f not right of X(%d)=%.3f", c.desc, sc, k, d.X(k), k-1, d.X(k-1))
				}
				if got := d.Seq(d.X(k)); got != k {
					t.Errorf("%s, %v scale: Seq(X(%d)) = %d", c.desc, sc, k, got)
				}
				if x := d.X(k); x < d.Left || x > d.Right {
					t.Errorf("%s, %v scale: X(%d)=%.1f outside the plot [%.0f, %.0f]", c.desc, sc, k, x, d.Left, d.Right)
				}
			}
			if got := d.Seq(-100); got != 0 {
				t.Errorf("%s: Seq left of everything = %d, want 0", c.desc, got)
			}
			if got, want := d.Seq(1e9), len(tr.Events)-1; got != want {
				t.Errorf("%s: Seq right of everything = %d, want %d", c.desc, got, want)
			}
		}
	}
}

func TestScales(t *testing.T) {
	tr := waitGroupTrace() // 48 events: 30 at 0s, 18 at 1s
	tests := []struct {
		desc  string
		scale Scale
		ticks string
	}{
		{"time scale ticks in virtual time", ScaleTime, "0 200ms 400ms 600ms 800ms 1s"},
		{"step scale ticks in events", ScaleStep, "0 10 20 30 40"},
	}
	for _, tc := range tests {
		d := Layout(tr, Options{Scale: tc.scale})
		var got []string
		for _, tk := range d.Axis.Ticks {
			got = append(got, tk.Label)
		}
		if g := strings.Join(got, " "); g != tc.ticks {
			t.Errorf("%s: ticks %q, want %q", tc.desc, g, tc.ticks)
		}
	}
	d := Layout(tr, Options{})
	if got := len(d.Axis.Instants); got != 2 {
		t.Fatalf("time scale: %d expanded instants, want 2", got)
	}
	// The sleep (1s of virtual time) gets what the 48 events (8px each) leave.
	gap := d.Axis.Instants[1].X0 - d.Axis.Instants[0].X1
	if want := d.Right - d.Left - 48*8; gap < want-0.01 || gap > want+0.01 {
		t.Errorf("time scale: gap for 1s is %.2fpx, want %.2f", gap, want)
	}
	step := Layout(tr, Options{Scale: ScaleStep})
	w := step.X(1) - step.X(0)
	for k := 1; k < len(tr.Events); k++ {
		if dx := step.X(k) - step.X(k-1); dx < w-1e-9 || dx > w+1e-9 {
			t.Errorf("step scale: slot %d is %.3f wide, want %.3f", k, dx, w)
		}
	}
}

func TestFmtTime(t *testing.T) {
	tests := []struct {
		desc string
		t    trace.Time
		want string
	}{
		{"zero", 0, "0"},
		{"nanoseconds", 20, "20ns"},
		{"microseconds", 250e3, "250µs"},
		{"milliseconds", 500e6, "500ms"},
		{"one second", 1e9, "1s"},
		{"fraction of seconds", 1500e6, "1.5s"},
	}
	for _, tc := range tests {
		if got := fmtTime(tc.t); got != tc.want {
			t.Errorf("%s: fmtTime(%d) = %q, want %q", tc.desc, tc.t, got, tc.want)
		}
	}
}

func TestLanes(t *testing.T) {
	d := Layout(channelTrace(), Options{})
	tests := []struct {
		desc              string
		lane              int
		label             string
		end               End
		segments, markers int
	}{
		{"main", 0, "main", EndDone, 7, 9},
		{"killed goroutine", 1, "func 1 (line 14)", EndKilled, 4, 7},
		{"leaked goroutine", 2, "func 2 (line 24)", EndLeaked, 3, 1},
		{"clock lane", 3, "clock", EndNone, 0, 2},
	}
	if len(d.Lanes) != len(tests) {
		t.Fatalf("%d lanes, want %d", len(d.Lanes), len(tests))
	}
	for _, tc := range tests {
		ln := d.Lanes[tc.lane]
		if ln.Label != tc.label || ln.End != tc.end || len(ln.Segments) != tc.segments || len(ln.Markers) != tc.markers {
			t.Errorf("%s: lane %d = %q end %q, %d segments, %d markers; want %q %q %d %d", tc.desc, tc.lane,
				ln.Label, ln.End, len(ln.Segments), len(ln.Markers), tc.label, tc.end, tc.segments, tc.markers)
		}
		for i, s := range ln.Segments {
			if cut := ln.End == EndKilled || ln.End == EndLeaked; cut && i == len(ln.Segments)-1 {
				// Cut at exit: every such lane ends at one x, the first cut.
				if s.X1 != ln.EndX || ln.EndX != d.Lanes[1].EndX {
					t.Errorf("%s: the last segment ends at %.1f, the lane at %.1f, the first cut at %.1f", tc.desc, s.X1, ln.EndX, d.Lanes[1].EndX)
				}
				continue
			}
			if s.X0 != d.X(s.Seq0) || s.X1 != d.X(s.Seq1) {
				t.Errorf("%s: segment %d spans x %.1f-%.1f, want X(%d)-X(%d)", tc.desc, i, s.X0, s.X1, s.Seq0, s.Seq1)
			}
			if i > 0 && s.Seq0 != ln.Segments[i-1].Seq1 {
				t.Errorf("%s: segment %d starts at %d, previous ends at %d", tc.desc, i, s.Seq0, ln.Segments[i-1].Seq1)
			}
		}
	}
	if got := d.Lanes[2].EndText; got != "leaked: chan send" {
		t.Errorf("leaked lane: EndText %q", got)
	}
	if got := len(d.Arrows); got != 3 {
		t.Errorf("arrows: %d, want 3 (two go, one hand-over)", got)
	}
	if d.Exit == nil || d.Exit.Seq != len(channelTrace().Events)-1 {
		t.Errorf("exit line: %+v", d.Exit)
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		desc   string
		n, max int
		labels string
	}{
		{"all fit", 4, 5, "main|worker 1|helper|fetch|worker 2"},
		{"one group per name", 9, 5, "main|worker 1|+3 more helper|+3 more fetch|+2 more worker"},
		{"names beyond the last group lumped", 12, 3, "main|+4 more worker|+8 more"},
	}
	for _, tc := range tests {
		tr := manyTrace(tc.n, 0)
		d := Layout(tr, Options{MaxLanes: tc.max})
		var got []string
		for _, ln := range d.Lanes {
			got = append(got, ln.Label)
		}
		if g := strings.Join(got, "|"); g != tc.labels {
			t.Errorf("%s: lanes %q, want %q", tc.desc, g, tc.labels)
		}
	}
}

func TestSVGEscapesTraceText(t *testing.T) {
	tr := channelTrace()
	tr.Goroutines[1].Name = `x"><script>alert(1)</script>`
	svg := SVG(Layout(tr, Options{Caption: "<b>&"}), SVGOptions{})
	checkXML(t, "hostile names", svg)
	for _, bad := range []string{"<script", "<b>", "\x01", "\xff"} {
		if strings.Contains(svg, bad) {
			t.Errorf("SVG contains %q unescaped", bad)
		}
	}
	for _, want := range []string{`data-seq="`, `role="img"`, `aria-label="Goroutine timeline of chans.go`,
		"prefers-color-scheme: dark", "&lt;script&gt;", "leaked</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func FuzzSVGText(f *testing.F) {
	f.Add("hello\n", "worker")
	f.Add("<&>\"'\x00\xfe", "]]>")
	f.Fuzz(func(t *testing.T, text, name string) {
		tr := channelTrace()
		tr.Goroutines[1].Name = name
		tr.Objects[0].Name = text
		for i := range tr.Events {
			if tr.Events[i].Kind == trace.KindPrint {
				tr.Events[i].Text = text
			}
		}
		checkXML(t, "fuzzed text "+strconv.Quote(text), SVG(Layout(tr, Options{Caption: text}), SVGOptions{}))
	})
}

func TestImportsOnlyTraceAndStdlib(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue // tests may run the simulator
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pf.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != "lanes/sim/trace" && strings.Contains(strings.Split(p, "/")[0], ".") || strings.HasPrefix(p, "lanes/") && p != "lanes/sim/trace" {
				t.Errorf("%s imports %s: only lanes/sim/trace and the standard library are allowed", f, p)
			}
		}
	}
}

func TestEmptyTrace(t *testing.T) {
	tr := &trace.Trace{Version: trace.Version, Goroutines: []trace.Goroutine{{ID: 1, Name: "main"}}}
	if err := trace.Validate(tr); err != nil {
		t.Fatalf("empty trace invalid: %v", err)
	}
	for _, sc := range []Scale{ScaleTime, ScaleStep} {
		d := Layout(tr, Options{Scale: sc, InFlight: true})
		if len(d.Lanes) != 1 || d.X(0) != d.Left || d.Seq(500) != 0 {
			t.Errorf("%v scale: empty trace gives %d lanes, X(0)=%.1f, Seq(500)=%d", sc, len(d.Lanes), d.X(0), d.Seq(500))
		}
		checkXML(t, "empty trace", SVG(d, SVGOptions{}))
	}
}

// A run where no virtual time passes, drawn on the virtual-time scale the
// reader chose: the axis says virtual time, its one tick is 0, and the whole
// run is one expanded instant whose bracket says that no time passes (not
// "step" ticks under a "step" label, which read as if the choice were
// ignored).
func TestTimeScaleWhenNoTimePasses(t *testing.T) {
	tr := panicTrace()
	if last := tr.Events[len(tr.Events)-1].Time; last != 0 {
		t.Fatalf("panicTrace ends at %v, want a run where no time passes", last)
	}
	d := Layout(tr, Options{Scale: ScaleTime})
	if !strings.HasPrefix(d.Axis.Label, "virtual time") {
		t.Errorf("axis label %q, want it to say virtual time", d.Axis.Label)
	}
	var ticks []string
	for _, tk := range d.Axis.Ticks {
		ticks = append(ticks, tk.Label)
	}
	if g := strings.Join(ticks, " "); g != "0" {
		t.Errorf("ticks %q, want just %q: no virtual time passes", g, "0")
	}
	if len(d.Axis.Instants) != 1 {
		t.Fatalf("%d expanded instants, want 1 (the whole run)", len(d.Axis.Instants))
	}
	in := d.Axis.Instants[0]
	if in.Seq0 != 0 || in.Seq1 != len(tr.Events)-1 {
		t.Errorf("instant covers events %d..%d, want 0..%d", in.Seq0, in.Seq1, len(tr.Events)-1)
	}
	if !strings.Contains(in.Label, "no time passes") {
		t.Errorf("instant label %q, want it to say no time passes", in.Label)
	}
	svg := SVG(d, SVGOptions{})
	if strings.Contains(svg, ">step") {
		t.Errorf("time-scale SVG still labels the axis as steps")
	}
	// The step scale the reader can choose instead is unchanged.
	if s := Layout(tr, Options{Scale: ScaleStep}); s.Axis.Label != "step" || len(s.Axis.Ticks) < 2 {
		t.Errorf("step scale: label %q, %d ticks", s.Axis.Label, len(s.Axis.Ticks))
	}
}
