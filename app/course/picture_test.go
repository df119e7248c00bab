package course

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"lanes/app"
	"lanes/app/lessons/registry"
	"lanes/internal/progmain"
	"lanes/timeline"
)

// The lesson page's "Download SVG" (timeline.Export of the page's run with
// app.PictureOptions) writes the same bytes as `lanes svg` (progmain) for
// the same program, seed, strategy, theme and position.
func TestDownloadSVGIsLanesSVG(t *testing.T) {
	c := New()
	l := registry.Lessons[0]
	v := l.Variants[0]
	tests := []struct {
		desc     string
		seed     int64
		strategy string
		theme    string
		t        int
	}{
		{desc: "default view at the end", seed: 1, strategy: "runtime", theme: "auto", t: -1},
		{desc: "random schedule, dark, at step 5", seed: 7, strategy: "random", theme: "dark", t: 5},
		{desc: "pct schedule, light, at the start", seed: 3, strategy: "pct", theme: "light", t: 0},
	}
	for _, tt := range tests {
		run, err := c.Run(l.Slug, v.Name, tt.seed, tt.strategy)
		if err != nil {
			t.Fatalf("%s: Run: %v", tt.desc, err)
		}
		s := app.DefaultViewState()
		s.Seed, s.Strategy, s.Theme, s.T = tt.seed, tt.strategy, tt.theme, tt.t
		page := timeline.Export(run.Trace, app.PictureOptions(s, tt.t))

		var out, errOut bytes.Buffer
		args := []string{"svg", "-seed", strconv.FormatInt(tt.seed, 10), "-strategy", tt.strategy, "-theme", tt.theme, "-t", strconv.Itoa(tt.t)}
		if code := progmain.Run(v.Main, v.File, args, &out, &errOut); code != 0 {
			t.Fatalf("%s: lanes svg exit status %d: %s", tt.desc, code, errOut.String())
		}
		if out.String() != page {
			t.Errorf("%s: Download SVG (%d bytes) differs from lanes svg %v (%d bytes)", tt.desc, len(page), args, out.Len())
		}
	}
}

// TestRedrawStepScale: the step scale gives every event its own slot, so
// the playhead moves by the same amount at every step.
func TestRedrawStepScale(t *testing.T) {
	c := New()
	r, err := c.Run("counter", "workers", 1, "runtime")
	if err != nil {
		t.Fatal(err)
	}
	s := c.Redraw("counter", r.Trace, "step")
	if s.SVG == r.SVG {
		t.Fatalf("the step scale draws the same picture as the time scale")
	}
	if len(s.StepX) != len(r.StepX) {
		t.Fatalf("StepX has %d positions on the step scale, %d on the time scale", len(s.StepX), len(r.StepX))
	}
	d1, d2 := s.StepX[2]-s.StepX[1], s.StepX[len(s.StepX)-1]-s.StepX[len(s.StepX)-2]
	if math.Abs(d1-d2) > 0.01 {
		t.Errorf("step scale: first step moves the playhead %.2f, the last %.2f", d1, d2)
	}
}
