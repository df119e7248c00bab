package app

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
	"lanes/timeline"
)

// TestGutterWidths: each line's gutter fits what stands there over the
// run, and no more: none where no goroutine ever stands, "main" narrower
// than a worker's name, a "+N" where several stand at once.
func TestGutterWidths(t *testing.T) {
	d, err := registry.Course().Run("misuse", "", course.ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	w := gutterWidths(d.Trace, timeline.Names(d.Trace))
	tests := []struct {
		desc       string
		line       int32
		over, upTo float64 // want over < w ≤ upTo
	}{
		{desc: "an import: no gutter", line: 4, over: -1, upTo: 0},
		{desc: "func main() {: no gutter", line: 9, over: -1, upTo: 0},
		{desc: "wg.Wait(): main only", line: 23, over: 20, upTo: 45},
		{desc: "worker 2's Println: one worker", line: 16, over: 45, upTo: 75},
		{desc: "the Sleep: three workers at once, so a +2", line: 14, over: 75, upTo: 7.5 * 14},
	}
	for _, tt := range tests {
		if got := w[tt.line]; got <= tt.over || got > tt.upTo {
			t.Errorf("%s: line %d's gutter is %.1f px, want over %.0f and at most %.0f", tt.desc, tt.line, got, tt.over, tt.upTo)
		}
	}
}
