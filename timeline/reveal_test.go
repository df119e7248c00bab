package timeline

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lanes/internal/golden"
)

// TestSVGAtGolden pins the picture at the start and in the middle of a run.
func TestSVGAtGolden(t *testing.T) {
	tr := waitGroupTrace()
	d := Layout(tr, Options{InFlight: true})
	for _, c := range []struct {
		desc string
		name string
		at   int
	}{
		{desc: "nothing has happened", name: "reveal-0", at: 0},
		{desc: "half the run", name: "reveal-mid", at: d.Events / 2},
	} {
		svg := SVGAt(d, SVGOptions{}, c.at)
		golden.Check(t, filepath.Join("testdata", c.name+".svg"), []byte(svg))
		checkXML(t, c.desc, svg)
	}
}

var seqAttr = regexp.MustCompile(`^<[a-z]+ [^>]*?data-seq="(\d+)"`)

// TestReveal checks, at every position, that the event group's children
// before the cut are exactly the ones whose event has happened, and that
// the reveal rule and the clip say so.
func TestReveal(t *testing.T) {
	for _, c := range goldenCases {
		tr := c.trace()
		d := Layout(tr, c.opts)
		shown := Reveal(d)
		if got, want := len(shown), d.Events+1; got != want {
			t.Fatalf("%s: len(Reveal) = %d, want %d", c.desc, got, want)
		}
		for at := 0; at <= d.Events; at++ {
			svg := SVGAt(d, c.svg, at)
			prefix := c.svg.IDPrefix
			if prefix == "" {
				prefix = "lanes"
			}
			_, rest, _ := strings.Cut(svg, `<g class="ev" id="`+prefix+`-ev">`+"\n")
			group, _, _ := strings.Cut(rest, "</g>\n<line class=\"ax\"")
			kids := children(group)
			for i, k := range kids {
				m := seqAttr.FindStringSubmatch(k)
				seq := -1
				if m != nil {
					seq, _ = strconv.Atoi(m[1])
				} else if mm := regexp.MustCompile(`data-seq="(\d+)"`).FindStringSubmatch(k); mm != nil {
					seq, _ = strconv.Atoi(mm[1])
				}
				if got, want := i < shown[at], seq < at; got != want {
					t.Fatalf("%s at %d: child %d (event %d) shown=%v, want %v: %.80s", c.desc, at, i, seq, got, want, k)
				}
			}
			rule := RevealRule(prefix, shown[at], len(kids))
			if !strings.Contains(svg, `-reveal">`+rule+`</style>`) {
				t.Errorf("%s at %d: reveal rule %q missing", c.desc, at, rule)
			}
			if (at == d.Events) != (rule == "") {
				t.Errorf("%s at %d: rule %q, want empty only at the end", c.desc, at, rule)
			}
		}
		full, shown2 := SVGReveal(d, c.svg)
		if full != SVG(d, c.svg) || !slicesEqual(shown, shown2) {
			t.Errorf("%s: SVGReveal differs from SVG and Reveal", c.desc)
		}
		for at := 0; at <= d.Events; at++ {
			if got, want := Moved(full, d, c.svg, shown, at), SVGAt(d, c.svg, at); got != want {
				t.Fatalf("%s: Moved(%d) differs from SVGAt", c.desc, at)
			}
		}
		if got := ClipWidth(d, 0); got != d.Left {
			t.Errorf("%s: ClipWidth(0) = %v, want the plot's left edge %v", c.desc, got, d.Left)
		}
	}
}

// children splits the event group's text into its top-level elements.
func children(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "</"):
			depth--
			if depth == 0 {
				j := strings.IndexByte(s[i:], '>')
				_ = j
			}
		default:
			j := strings.IndexByte(s[i:], '>')
			selfClose := s[i+j-1] == '/'
			if depth == 0 {
				start = i
			}
			if !selfClose {
				depth++
				continue
			}
			if depth == 0 {
				out = append(out, s[start:i+j+1])
			}
			continue
		}
		if depth == 0 {
			j := strings.IndexByte(s[i:], '>')
			out = append(out, s[start:i+j+1])
		}
	}
	return out
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLabelWithItsGoStatement: a goroutine's label appears with the go
// statement that started it (the step whose caption names it), not a step
// later, when its own first event comes.
func TestLabelWithItsGoStatement(t *testing.T) {
	d := Layout(waitGroupTrace(), Options{})
	svg := SVG(d, SVGOptions{})
	n := 0
	for _, a := range d.Arrows {
		if a.Kind != MarkGo {
			continue
		}
		for i := range d.Lanes {
			ln := &d.Lanes[i]
			if laneStart(ln) != a.Seq1 {
				continue
			}
			n++
			want := `data-seq="` + strconv.Itoa(a.Seq0) + `"><title>` + EscapeHTML(ln.Title) + `</title>`
			if !strings.Contains(svg, want) {
				t.Errorf("lane %q: its label does not appear with its go statement (event %d)", ln.Label, a.Seq0)
			}
		}
	}
	if n == 0 {
		t.Fatal("no go statement started a lane of its own")
	}
}
