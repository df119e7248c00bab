package timeline

import (
	"regexp"
	"testing"
)

// TestFoldRowIsAButton: a group lane's "show them one by one" row is a
// button to the keyboard and to screen readers: a tab stop, role=button,
// and aria-expanded saying whether its lane is shown one by one.
func TestFoldRowIsAButton(t *testing.T) {
	tr := bigTrace(300)
	row := regexp.MustCompile(`<text class="dim fold"[^>]* data-fold="([^"]+)" tabindex="0" role="button" aria-expanded="(true|false)">`)
	m := row.FindStringSubmatch(SVG(Layout(tr, Options{}), SVGOptions{}))
	if m == nil || m[2] != "false" {
		t.Fatalf("a folded lane's row is no collapsed button: %v", m)
	}
	all := row.FindAllStringSubmatch(SVG(Layout(tr, Options{Expand: []string{m[1]}}), SVGOptions{}), -1)
	for _, m2 := range all {
		if m2[1] == m[1] && m2[2] == "true" {
			return
		}
	}
	t.Errorf("an expanded lane's row is no expanded button: %v", all)
}
