package app

import (
	"strings"
	"testing"

	"lanes/course/coursetest"
)

// TestInstrumentKeys: W zooms in around the playhead, A/D pan, S zooms
// out, 0 shows the whole run again; the drawn SVG follows each time.
func TestInstrumentKeys(t *testing.T) {
	p := &LessonPage{course: coursetest.New()}
	p.load("/lesson/hello", nil)
	if p.run.Trace == nil {
		t.Fatal("no run")
	}
	whole := p.svg
	tests := []struct {
		desc   string
		key    string
		zoomed bool
	}{
		{"W zooms in", "w", true},
		{"W again", "W", true},
		{"A pans left", "a", true},
		{"D pans right", "d", true},
		{"0 shows the whole run", "0", false},
		{"S at the whole run stays", "s", false},
	}
	for _, tc := range tests {
		before := p.inst.win
		if !p.key(tc.key) {
			t.Errorf("%s: key %q not handled", tc.desc, tc.key)
		}
		if got := p.inst.win.Zoomed(); got != tc.zoomed {
			t.Errorf("%s: zoomed %v, want %v (window %+v, was %+v)", tc.desc, got, tc.zoomed, p.inst.win, before)
		}
		if got := strings.Contains(p.svg, "data-window="); got != tc.zoomed {
			t.Errorf("%s: the SVG has a window: %v, want %v", tc.desc, got, tc.zoomed)
		}
	}
	if p.svg != whole {
		t.Errorf("after 0 the SVG differs from the whole run's")
	}
}

// TestFocusLine: the code pane highlights the line of the goroutine that
// did the last event shown.
func TestFocusLine(t *testing.T) {
	p := &LessonPage{course: coursetest.New()}
	p.load("/lesson/hello", nil)
	tr := p.run.Trace
	pos := firstPrint(tr)
	p.pl.seek(pos)
	f := frameAt(tr, pos)
	g, line := p.focus(f)
	if g != tr.Events[pos-1].G || line != int(tr.Events[pos-1].Line) {
		t.Errorf("focus after the first print: goroutine %d line %d, want %d line %d", g, line, tr.Events[pos-1].G, tr.Events[pos-1].Line)
	}
	p.pl.seek(0)
	if g, line := p.focus(frameAt(tr, 0)); g != 0 || line != 0 {
		t.Errorf("focus at step 0: goroutine %d line %d, want none", g, line)
	}
}
