package course_test

import (
	"strings"
	"testing"

	"lanes/course"
	"lanes/course/coursetest"
	"lanes/timeline"
)

func TestDrawingInstrument(t *testing.T) {
	c := coursetest.New()
	d, err := c.Run("hello", "", course.ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(d.Trace.Events)
	for _, p := range []int{0, 1, n / 2, n} {
		if got := d.PosAt(d.StepX[p]); got != p && p > 0 {
			t.Errorf("PosAt(StepX[%d]) = %d, want %d", p, got, p)
		}
	}
	if got := d.PosAt(d.Left - 50); got != 0 {
		t.Errorf("PosAt left of the plot = %d, want 0", got)
	}
	if got := d.PosAt(d.Right + 50); got != n {
		t.Errorf("PosAt right of the plot = %d, want %d", got, n)
	}
	line := int(d.Trace.Events[n-2].Line)
	if got := d.NextOnLine(0, line); got <= 0 || int(d.Trace.Events[got-1].Line) != line {
		t.Errorf("NextOnLine(0, %d) = %d: not an event on that line", line, got)
	}
	if got := d.NextOnLine(0, 9999); got != -1 {
		t.Errorf("NextOnLine on a line without events = %d, want -1", got)
	}
	if h := d.CardHTML(n - 1); !strings.Contains(h, "<strong>") || !strings.Contains(h, "step ") {
		t.Errorf("card of the last event: %q", h)
	}
	z := d.Redraw(timeline.Window{From: 0.25, To: 0.5}, nil)
	if z.Window() != (timeline.Window{From: 0.25, To: 0.5}) || z.SVG == d.SVG || len(z.StepX) != len(d.StepX) {
		t.Errorf("Redraw with a window: window %+v, same SVG %v", z.Window(), z.SVG == d.SVG)
	}
}

// TestLessonAxis: a lesson whose front matter says axis: steps draws its
// runs on the step axis unless the URL picks the time axis.
func TestLessonAxis(t *testing.T) {
	l := &course.Lesson{Axis: course.AxisSteps}
	tests := []struct {
		desc string
		view course.ViewState
		want timeline.Scale
	}{
		{"the lesson's default", course.ViewState{}, timeline.ScaleStep},
		{"scale=time in the URL", course.ViewState{Scale: timeline.ScaleTime, ScaleGiven: true}, timeline.ScaleTime},
		{"scale=step in the URL", course.ViewState{Scale: timeline.ScaleStep, ScaleGiven: true}, timeline.ScaleStep},
	}
	for _, tc := range tests {
		if got := l.ScaleFor(tc.view); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.desc, got, tc.want)
		}
	}
	if got := (&course.Lesson{}).ScaleFor(course.ViewState{}); got != timeline.ScaleTime {
		t.Errorf("a lesson without axis: %v, want time", got)
	}
}

// TestFit: a drawing laid out at a measured box is that wide, keeps its
// zoom through Redraw, grows to a height, and comes back unchanged for
// the size it has (or none measured).
func TestFit(t *testing.T) {
	c := coursetest.New()
	d, err := c.Run("hello", "", course.ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Width != course.Width {
		t.Fatalf("the server draws %v wide, want course.Width %v", d.Width, course.Width)
	}
	tests := []struct {
		desc   string
		w, h   float64
		most   float64
		wantW  float64
		same   bool
		taller bool
		lower  bool
	}{
		{desc: "not measured", w: 0, h: 0, wantW: course.Width, same: true},
		{desc: "the size it has", w: course.Width + 0.3, h: 0, wantW: course.Width, same: true},
		{desc: "a phone", w: 372, wantW: 372},
		{desc: "an embed", w: 682.6, wantW: 683},
		{desc: "beside the code, a column's height", w: 716, h: 1000, wantW: 716, taller: true},
		{desc: "a short embed, room for the code", w: 683, most: d.Bottom - 20, wantW: 683, lower: true},
		{desc: "room to spare", w: 683, most: d.Bottom + 200, wantW: 683},
	}
	for _, tc := range tests {
		f := d.Fit(tc.w, tc.h, tc.most)
		if f.Width != tc.wantW {
			t.Errorf("%s: %v wide, want %v", tc.desc, f.Width, tc.wantW)
		}
		if got := f.SVG == d.SVG; got != tc.same {
			t.Errorf("%s: same SVG %v, want %v", tc.desc, got, tc.same)
		}
		if len(f.StepX) != len(d.StepX) || f.Right > f.Width || f.Left >= f.Right {
			t.Errorf("%s: plot %v..%v in %v, %d steps", tc.desc, f.Left, f.Right, f.Width, len(f.StepX))
		}
		if tc.taller && f.Bottom-f.Top <= d.Bottom-d.Top {
			t.Errorf("%s: lanes %v high, no taller than the natural %v", tc.desc, f.Bottom-f.Top, d.Bottom-d.Top)
		}
		if got := f.Bottom-f.Top < d.Bottom-d.Top; got != tc.lower {
			t.Errorf("%s: lanes %v high (natural %v), shrunk %v, want %v", tc.desc, f.Bottom-f.Top, d.Bottom-d.Top, got, tc.lower)
		}
		z := f.Redraw(timeline.Window{From: 0.25, To: 0.5}, nil)
		if z.Width != f.Width || z.Window() != (timeline.Window{From: 0.25, To: 0.5}) {
			t.Errorf("%s: zoomed, %v wide (window %+v), want %v", tc.desc, z.Width, z.Window(), f.Width)
		}
	}
}
