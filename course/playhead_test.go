package course_test

import (
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
)

// At the end the playhead stands on the exit line; it is drawn under the
// events, so the dashed exit line (lesson 1 tells the reader to watch it)
// still shows on top of it.
func TestPlayheadUnderTheExitLine(t *testing.T) {
	d, err := registry.Course().Run("race-to-exit", "", course.ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	svg := d.WithPlayhead(1 << 30)
	head, exit := strings.Index(svg, `class="lanes-playhead"`), strings.Index(svg, `<line class="exit"`)
	if head < 0 || exit < 0 {
		t.Fatalf("the picture at the end has no playhead (%d) or no exit line (%d)", head, exit)
	}
	if head > exit {
		t.Errorf("the playhead is drawn after (over) the exit line")
	}
	if x := d.StepX[len(d.StepX)-1]; !strings.Contains(svg, `x1="`+course.Num(x)+`"`) {
		t.Errorf("the playhead is not at the end's x %v", x)
	}
}
