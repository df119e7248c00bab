package timeline

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// TestTextsIsTextExpr holds the hand-written parser to the regular
// expression it documents, on the goldens and on malformed elements.
func TestTextsIsTextExpr(t *testing.T) {
	re := regexp.MustCompile(textExpr)
	anchorRe := regexp.MustCompile(`text-anchor="(middle|end)"`)
	svgs := []string{
		`<text class="a" x="1" y="2">t</text>`,
		`<text class="a" x="1" y="2"><title>tip</title>t</text>`,
		`<text class="a" x="1" y="2"><title>tip<b></title>t</text><text class="b" x="3" y="4">u</text>`,
		`<text class="a" x="" y="2">t</text><text class="a" x="-1.5" y="2.25" text-anchor="end">v</text>`,
		`<text class="a" x="1" y="2" text-anchor="start" text-anchor="middle">t</text>`,
		`<text class="a" x="1" y="2" text-anchor="mid">t</text>`,
		`<text class="a" x="1" y="2">t<tspan>x</tspan></text><text class="<text class=" x="1" y="2">z</text>`,
		`<text class="a" x="1" y="2">t`, `<text class="a`, `<text class="a" x="1"`, `<text class="a" x="1" y="2"`,
		`<text class="x="1" y="2">" x="3" y="4">q</text>`, `<text class="a" x="1a" y="2">t</text>`,
	}
	files, _ := filepath.Glob("testdata/*.svg")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		svgs = append(svgs, string(b))
	}
	found := 0
	for _, svg := range svgs {
		var want []textElem
		for _, m := range re.FindAllStringSubmatch(svg, -1) {
			want = append(want, textElem{m[1], m[2], m[3], m[4], m[5]})
		}
		got := texts(svg)
		if !slices.Equal(got, want) {
			t.Errorf("texts(%.80q…) = %d elements, want %d:\n got %q\nwant %q", svg, len(got), len(want), got, want)
		}
		for _, m := range got {
			wantAnchor := ""
			if a := anchorRe.FindStringSubmatch(m.attrs); a != nil {
				wantAnchor = a[1]
			}
			if got := anchor(m.attrs); got != wantAnchor {
				t.Errorf("anchor(%q) = %q, want %q", m.attrs, got, wantAnchor)
			}
		}
		found += len(got)
	}
	if found < 100 {
		t.Errorf("only %d texts found: the comparison says little", found)
	}
}
