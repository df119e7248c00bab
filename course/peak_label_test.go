package course_test

import (
	"regexp"
	"slices"
	"strconv"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
)

// A crowded track (1,000 goroutines' counter and in-flight) labels its
// highest and lowest values at every width: where not every change has
// room for its label, the peak is never the one left out (a lower label
// near it would pass for the peak).
func TestTrackPeakLabelled(t *testing.T) {
	d, err := registry.Course().Run("over-concurrency", "unbounded", course.ViewState{Seed: 1, Strategy: "runtime"})
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`<text class="dim"[^>]*data-seq="\d+">(-?\d+)</text>`)
	for _, tc := range []struct {
		desc string
		w    float64
	}{{"a phone", 360}, {"an embed", 700}, {"beside the code", 1000}} {
		var got []int
		for _, m := range re.FindAllStringSubmatch(d.Fit(tc.w, 0, 0).WithPlayhead(1<<30), -1) {
			v, _ := strconv.Atoi(m[1])
			got = append(got, v)
		}
		if !slices.Contains(got, 1000) || !slices.Contains(got, 0) {
			t.Errorf("%s (%g px): track labels %v, want the peak 1000 and the end 0 among them", tc.desc, tc.w, got)
		}
	}
}
