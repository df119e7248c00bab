package timeline

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestTextBoxes(t *testing.T) {
	tests := []struct {
		desc, svg string
		want      Box
	}{
		{"start anchored, 11 px", `<text class="dim" x="10" y="20">abcd</text>`, Box{10, 11.2, 36.4, 22.2, "abcd"}},
		{"centred", `<text class="dim" x="10" y="20" text-anchor="middle">abcd</text>`, Box{-3.2, 11.2, 23.2, 22.2, "abcd"}},
		{"end anchored, escaped", `<text class="lbl" x="10" y="20" text-anchor="end">&lt;abc</text>`, Box{-18.8, 10.4, 10, 22.4, "<abc"}},
	}
	for _, tc := range tests {
		if got := TextBoxes(tc.svg); len(got) != 1 || rounded(got[0]) != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.desc, got, tc.want)
		}
	}
}

// rounded is b to 0.01 px.
func rounded(b Box) Box {
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return Box{r(b.X0), r(b.Y0), r(b.X1), r(b.Y1), b.Text}
}

// TestGoldensHaveNoCollisions: no two texts of a golden picture overlap.
func TestGoldensHaveNoCollisions(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.svg")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Collisions(string(b)) {
			t.Errorf("%s: %q overlaps %q", f, p[0].Text, p[1].Text)
		}
	}
}

// TestTextBoxesUnescape: TextBoxes reads back every escape of svgw.esc.
func TestTextBoxesUnescape(t *testing.T) {
	const s = `a&b<c>d"e'f &amp;`
	var w svgw
	w.s(`<text class="dim" x="0" y="0">`)
	w.esc(s)
	w.s(`</text>`)
	if got := TextBoxes(string(w.b)); len(got) != 1 || got[0].Text != s {
		t.Errorf("TextBoxes(%q) = %+v, want the text %q", w.b, got, s)
	}
}
