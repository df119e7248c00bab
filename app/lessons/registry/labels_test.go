package registry

import (
	"testing"

	"lanes/course"
	"lanes/timeline"
)

// TestNoLabelsCollide draws every variant of every lesson as its page
// does, on both scales and at several widths, and checks that no two texts of the timeline
// overlap (lane labels, marker labels, track values, axis, legend).
func TestNoLabelsCollide(t *testing.T) {
	c := Course()
	for _, l := range c.Lessons() {
		for _, v := range l.Variants {
			for _, sc := range timeline.Scales {
				view := course.ViewState{Variant: v.Name, Scale: sc}
				d, err := c.Run(l.Slug, v.Name, view)
				if err != nil {
					t.Fatalf("%s/%s: %v", l.Slug, v.Name, err)
				}
				// As the server draws it, then as the browser lays it out in
				// a phone's, an embed's and wider boxes (Fit), the lanes
				// grown to fill a desktop column's height.
				for _, sz := range [][2]float64{{0, 0}, {360, 0}, {372, 0}, {700, 0}, {960, 560}, {1200, 0}} {
					f := d
					if sz[0] > 0 {
						f = d.Fit(sz[0], sz[1], 0)
					}
					for _, p := range timeline.Collisions(f.SVG) {
						t.Errorf("%s/%s (%s, %.0f px): %q at (%.0f,%.0f) overlaps %q at (%.0f,%.0f)", l.Slug, v.Name, sc, f.Width,
							p[0].Text, p[0].X0, p[0].Y0, p[1].Text, p[1].X0, p[1].Y0)
					}
				}
			}
		}
	}
}
