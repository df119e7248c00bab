package timeline

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// TestWidths lays the test traces out at a phone's, an embed's, the
// default and a wide width, natural and fitted to a height: the picture
// is as wide as asked (1 unit is 1 CSS px where it is shown), no two
// texts overlap, no text leaves the picture, the label column narrows on
// a phone, and the lanes grow to fill a height, up to maxGrow, and shrink
// to fit one, down to minShrink.
func TestWidths(t *testing.T) {
	traces := []struct {
		name string
		tr   func() *trace.Trace
		opts Options
	}{
		{"waitgroup", waitGroupTrace, Options{}},
		{"channels", channelTrace, Options{InFlight: true}},
		{"panic", panicTrace, Options{}},
		{"groups", func() *trace.Trace { return manyTrace(9, 1) }, Options{MaxLanes: 5, InFlight: true}},
		{"many", func() *trace.Trace { return manyTrace(40, 1) }, Options{InFlight: true}},
	}
	for _, tc := range traces {
		for _, w := range []float64{360, 372, 700, 960, 1200} {
			for _, sc := range Scales {
				for _, h := range []float64{0, 600, -100} { // -100: at most 100 px high
					desc := tc.name + " at " + strconv.FormatFloat(w, 'f', 0, 64) + " px, " + sc.String() + ", height " + strconv.FormatFloat(h, 'f', 0, 64)
					o := tc.opts
					o.Width, o.Height, o.Scale = w, max(h, 0), sc
					if h < 0 {
						o.MaxHeight = -h
					}
					d := Layout(tc.tr(), o)
					if d.Width != w {
						t.Errorf("%s: the picture is %v wide, want %v", desc, d.Width, w)
					}
					if want := LabelWidthFor(w); d.Left != want {
						t.Errorf("%s: the label column is %v wide, want %v", desc, d.Left, want)
					}
					if w < 400 && d.Left > 110 {
						t.Errorf("%s: a phone's label column is %v wide, want about 100", desc, d.Left)
					}
					natural := Layout(tc.tr(), Options{Width: w, Scale: sc, InFlight: o.InFlight, MaxLanes: o.MaxLanes})
					switch {
					case h < 0 && (d.Height > natural.Height || d.Lanes[0].H < natural.Lanes[0].H*minShrink-0.01):
						t.Errorf("%s: at most %v, the picture is %v high (natural %v), a lane %v (natural %v)", desc, -h, d.Height, natural.Height, d.Lanes[0].H, natural.Lanes[0].H)
					case h < 0 && math.Abs(d.Shrunk-(natural.Height-d.Height)) > 0.01:
						t.Errorf("%s: Shrunk %v, want the natural height %v less the picture's %v", desc, d.Shrunk, natural.Height, d.Height)
					case h == 0 && d.Height != natural.Height:
						t.Errorf("%s: height %v without a fit, want the natural %v", desc, d.Height, natural.Height)
					case h > 0 && (d.Height < natural.Height || d.Height > max(h, natural.Height)+1):
						t.Errorf("%s: fitted to %v the picture is %v high (natural %v)", desc, h, d.Height, natural.Height)
					case h > 0 && d.Lanes[0].H > natural.Lanes[0].H*maxGrow+0.01:
						t.Errorf("%s: a lane grew to %v, more than %v× its natural %v", desc, d.Lanes[0].H, maxGrow, natural.Lanes[0].H)
					}
					svg := SVG(d, SVGOptions{})
					for _, p := range Collisions(svg) {
						t.Errorf("%s: %q at (%.0f,%.0f) overlaps %q at (%.0f,%.0f)", desc, p[0].Text, p[0].X0, p[0].Y0, p[1].Text, p[1].X0, p[1].Y0)
					}
					for _, b := range TextBoxes(svg) {
						if b.X0 < -0.5 || b.X1 > w+0.5 {
							t.Errorf("%s: %q spans x %.0f..%.0f, outside the picture", desc, b.Text, b.X0, b.X1)
						}
					}
				}
			}
		}
	}
}

// TestFontsAtLeast11: every font size the style sheet sets is 11 px or
// more: laid out at the width it is shown, that is what a reader sees.
func TestFontsAtLeast11(t *testing.T) {
	for _, m := range regexp.MustCompile(`font-size:([0-9.]+)px`).FindAllStringSubmatch(css, -1) {
		if v, _ := strconv.ParseFloat(m[1], 64); v < 11 {
			t.Errorf("the style sheet sets font-size:%spx, want at least 11", m[1])
		}
	}
	if got := SVG(Layout(waitGroupTrace(), Options{}), SVGOptions{}); !regexp.MustCompile(`<svg [^>]*font-size="11"`).MatchString(got) {
		t.Errorf("the root's default font size is not 11")
	}
}

// TestLabelsSVG: the label column alone is one well-formed <svg> as wide
// as the column, with the picture's lane labels at the same places,
// escaped, and only the lanes started by at.
func TestLabelsSVG(t *testing.T) {
	tr := channelTrace()
	tr.Goroutines[1].Name = `x"><script>alert(1)</script>`
	d := Layout(tr, Options{Width: 372})
	full := SVG(d, SVGOptions{})
	labelsOf := func(svg string) []string {
		var out []string
		for _, b := range TextBoxes(svg) {
			out = append(out, strconv.FormatFloat(b.Y0, 'f', 1, 64)+" "+b.Text)
		}
		return out
	}
	tests := []struct {
		desc      string
		at, lanes int
	}{
		{"the whole run", d.Events, len(d.Lanes)},
		{"before any event", 0, 0},
	}
	for _, tc := range tests {
		got := LabelsSVG(d, SVGOptions{}, tc.at)
		checkXML(t, tc.desc, got)
		if strings.Contains(got, "<script") {
			t.Errorf("%s: a goroutine's name is not escaped", tc.desc)
		}
		if !strings.Contains(got, `width="100"`) || !strings.Contains(got, `aria-hidden="true"`) {
			t.Errorf("%s: want a 100 px wide column hidden from screen readers: %.200s", tc.desc, got)
		}
		n := strings.Count(got, `<text class="lbl`) - len(d.Tracks) - strings.Count(got, `data-row="2"`)
		if n != tc.lanes {
			t.Errorf("%s: %d lane labels, want %d", tc.desc, n, tc.lanes)
		}
		if tc.at == d.Events {
			in := map[string]bool{}
			for _, l := range labelsOf(full) {
				in[l] = true
			}
			for _, l := range labelsOf(got) {
				if !in[l] {
					t.Errorf("%s: label %q is not where the picture has it", tc.desc, l)
				}
			}
		}
	}
}

// TestLabelRows: a label too long for a phone's column is drawn on two
// rows broken where it reads best, not cut.
func TestLabelRows(t *testing.T) {
	tests := []struct {
		desc string
		s    string
		n    int
		want []string
	}{
		{"fits", "worker(1)", 13, []string{"worker(1)"}},
		{"before its line", "query(12) (line 30)", 13, []string{"query(12)", "(line 30)"}},
		{"a group", "×990 query (line 30)", 13, []string{"×990 query", "(line 30)"}},
		{"arguments", "func i=1 (line 12)", 13, []string{"func i=1", "(line 12)"}},
		{"at a space", "result 1 buffer", 13, []string{"result 1", "buffer"}},
		{"no space", "errgroup.WithContext", 13, []string{"errgroup.", "WithContext"}},
		{"a long second row is cut", "func i=0 m=\"hello world\" (line 30)", 13, []string{"func i=0", "m=\"hello wor…"}},
	}
	for _, tc := range tests {
		if got := labelRows(tc.s, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("%s: labelRows(%q, %d) = %q, want %q", tc.desc, tc.s, tc.n, got, tc.want)
		}
	}
}
