package app

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// The console's text reads at WCAG AA (4.5:1) against its background in
// both themes: its box is dark in both (web/lanes.css), so one pair of
// colours holds for light and dark pages, and so does the "nothing
// printed yet" placeholder's.
func TestConsoleContrast(t *testing.T) {
	css, err := os.ReadFile("../web/lanes.css")
	if err != nil {
		t.Fatal(err)
	}
	rule := func(sel string) string {
		m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sel) + `\s*\{([^}]*)\}`).FindSubmatch(css)
		if m == nil {
			t.Fatalf("no rule for %s in web/lanes.css", sel)
		}
		return string(m[1])
	}
	prop := func(r, name string) string {
		m := regexp.MustCompile(`(?:^|;|\s)` + name + `:\s*(#[0-9a-fA-F]{6})`).FindStringSubmatch(r)
		if m == nil {
			t.Fatalf("no %s colour in %q", name, r)
		}
		return m[1]
	}
	box := rule(".console pre")
	bg := prop(box, "background")
	if regexp.MustCompile(`\.theme-(dark|light)[^{]*\.console`).Match(css) {
		t.Fatal("web/lanes.css now styles the console per theme: check each theme's pair here")
	}
	for _, c := range []struct{ what, fg string }{
		{"output", prop(box, "color")},
		{"placeholder", prop(rule(".console pre:empty::before"), "color")},
	} {
		if r := contrast(c.fg, bg); r < 4.5 {
			t.Errorf("console %s %s on %s: contrast %.2f:1, want at least 4.5:1 (WCAG AA)", c.what, c.fg, bg, r)
		}
	}
}

// contrast is the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	lum := func(h string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}
