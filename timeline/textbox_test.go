package timeline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTextBoxes(t *testing.T) {
	tests := []struct {
		desc, svg string
		want      Box
	}{
		{"start anchored, 10 px", `<text class="dim" x="10" y="20">abc</text>`, Box{10, 12, 28, 22, "abc"}},
		{"centred", `<text class="dim" x="10" y="20" text-anchor="middle">abc</text>`, Box{1, 12, 19, 22, "abc"}},
		{"end anchored, escaped", `<text class="dim" x="10" y="20" text-anchor="end">&lt;a</text>`, Box{-2, 12, 10, 22, "<a"}},
	}
	for _, tc := range tests {
		if got := TextBoxes(tc.svg); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.desc, got, tc.want)
		}
	}
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
