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
