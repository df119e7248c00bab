package registry

import (
	"testing"

	"lanes/course"
	"lanes/timeline"
)

// TestNoLabelsCollide draws every variant of every lesson as its page
// does, on both scales, and checks that no two texts of the timeline
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
				for _, p := range timeline.Collisions(d.SVG) {
					t.Errorf("%s/%s (%s): %q at (%.0f,%.0f) overlaps %q at (%.0f,%.0f)", l.Slug, v.Name, sc,
						p[0].Text, p[0].X0, p[0].Y0, p[1].Text, p[1].X0, p[1].Y0)
				}
			}
		}
	}
}
