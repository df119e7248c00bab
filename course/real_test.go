package course_test

import (
	"bytes"
	"math"
	"strconv"
	"testing"

	"lanes/app/lessons/registry"
	. "lanes/course"
	"lanes/internal/progmain"
	"lanes/timeline"
)

// The lesson page's "Download SVG" (Course.Picture: timeline.Export of the
// page's run with the lesson's PictureOptions) writes the same bytes as
// `lanes svg` (progmain) for the same program, seed, strategy, theme,
// position and tracks.
func TestDownloadSVGIsLanesSVG(t *testing.T) {
	c := registry.Course()
	tests := []struct {
		desc     string
		slug     string
		seed     int64
		strategy string
		theme    string
		t        int
	}{
		{desc: "default view at the end", slug: "race-to-exit", seed: 1, strategy: "runtime", theme: "auto", t: -1},
		{desc: "random schedule, dark, at step 5", slug: "race-to-exit", seed: 7, strategy: "random", theme: "dark", t: 5},
		{desc: "pct schedule, light, at the start", slug: "race-to-exit", seed: 3, strategy: "pct", theme: "light", t: 0},
		{desc: "a lesson with the in-flight track", slug: "errgroup", seed: 1, strategy: "runtime", theme: "auto", t: 9},
	}
	for _, tt := range tests {
		l, _ := registry.Find(tt.slug)
		v := l.Variants[0]
		s := ViewState{Seed: tt.seed, Strategy: tt.strategy}
		s.Theme, _ = timeline.ParseTheme(tt.theme)
		if tt.t >= 0 {
			s.T = At(tt.t)
		}
		page, _, _, err := c.Picture(l.Slug, s)
		if err != nil {
			t.Fatalf("%s: Picture: %v", tt.desc, err)
		}

		var out, errOut bytes.Buffer
		args := []string{"svg", "-seed", strconv.FormatInt(tt.seed, 10), "-strategy", tt.strategy, "-theme", tt.theme, "-t", strconv.Itoa(tt.t)}
		if l.HasTrack(TrackInFlight) {
			args = append(args, "-inflight")
		}
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
	c := registry.Course()
	r, err := c.Run("counter", "workers", ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Run("counter", "workers", ViewState{Scale: timeline.ScaleStep})
	if err != nil {
		t.Fatal(err)
	}
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
