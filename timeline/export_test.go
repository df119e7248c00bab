package timeline

import (
	"strings"
	"testing"

	"lanes/sim/trace"
)

func TestExport(t *testing.T) {
	wg := waitGroupTrace()
	n := len(wg.Events)
	tests := []struct {
		desc     string
		opts     ExportOptions
		caption  string
		playhead bool
	}{
		{desc: "the end by default", opts: ExportOptions{At: -1}, caption: "program exits: main returned", playhead: false},
		{desc: "the start", opts: ExportOptions{At: 0}, caption: "start: nothing has happened yet", playhead: true},
		{desc: "a Done", opts: ExportOptions{At: 37}, caption: "worker 2: wg.Done()", playhead: true},
		{desc: "past the end is the end", opts: ExportOptions{At: n + 5, Theme: ThemeDark}, caption: "program exits", playhead: false},
	}
	for _, tt := range tests {
		got := Export(wg, tt.opts)
		if !strings.HasPrefix(got, "<svg") || !strings.HasSuffix(got, "</svg>\n") {
			t.Errorf("%s: not one <svg> document", tt.desc)
		}
		if !strings.Contains(got, tt.caption) {
			t.Errorf("%s: the picture lacks the caption %q", tt.desc, tt.caption)
		}
		if has := strings.Contains(got, `class="playhead"`); has != tt.playhead {
			t.Errorf("%s: playhead drawn = %v, want %v", tt.desc, has, tt.playhead)
		}
		if again := Export(wg, tt.opts); again != got {
			t.Errorf("%s: two exports differ", tt.desc)
		}
		for _, bad := range []string{"<image", "href=\"http", "@import", "url(http"} {
			if strings.Contains(got, bad) {
				t.Errorf("%s: the picture is not self-contained: has %q", tt.desc, bad)
			}
		}
	}
}

func TestStepCaption(t *testing.T) {
	wg := waitGroupTrace()
	tests := []struct {
		desc string
		pos  int
		want string
	}{
		{"start", 0, "start: nothing has happened yet"},
		{"first event has no line", 1, "main: runs"},
		{"a statement", 2, "line 12 · main: line 12"},
		{"a return is captioned as a return, without the goroutine's last line", doneSeq(wg) + 1, Caption(wg, doneSeq(wg))},
		{"past the end", 1 << 20, StepCaption(wg, len(wg.Events))},
		{"negative is the end", -1, StepCaption(wg, len(wg.Events))},
	}
	for _, tt := range tests {
		if got := StepCaption(wg, tt.pos); got != tt.want {
			t.Errorf("%s: StepCaption(%d) = %q, want %q", tt.desc, tt.pos, got, tt.want)
		}
	}
}

// doneSeq is the first event at which a goroutine other than main returns.
func doneSeq(t *trace.Trace) int {
	for k, e := range t.Events {
		if e.Kind == trace.KindState && e.State == trace.StateDone && e.G != 1 {
			return k
		}
	}
	return -1
}

func TestStepCaptionSrc(t *testing.T) {
	wg := waitGroupTrace()
	src := make([]string, 12)
	src[11] = "\twg.Add(1) // one more"
	long := make([]string, 12)
	long[11] = "\t" + strings.Repeat("x", 70)
	tests := []struct {
		desc string
		pos  int
		src  []string
		want string
	}{
		{"a statement quotes its line, trimmed", 2, src, "line 12 · main: wg.Add(1) // one more"},
		{"a long line is cut", 2, long, "line 12 · main: " + strings.Repeat("x", maxQuote-1) + "…"},
		{"no source: as StepCaption", 2, nil, "line 12 · main: line 12"},
		{"a blank line: as StepCaption", 2, make([]string, 12), "line 12 · main: line 12"},
		{"not a statement", 1, src, "main: runs"},
		{"start", 0, src, "start: nothing has happened yet"},
	}
	for _, tt := range tests {
		if got := StepCaptionSrc(wg, tt.pos, tt.src); got != tt.want {
			t.Errorf("%s: StepCaptionSrc(%d) = %q, want %q", tt.desc, tt.pos, got, tt.want)
		}
	}
}
