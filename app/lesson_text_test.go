package app

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
)

func TestSplitText(t *testing.T) {
	vs := []course.Variant{{Name: "a", Title: "First way"}, {Name: "b", Title: "Second way"}}
	html := "<p>Intro.</p>\n<p><strong>First way.</strong> One\ntwo.</p>\n<p><strong>Second way.</strong> Three.</p>\n<p>End.</p>\n"
	tests := []struct {
		desc    string
		shown   *course.Variant
		intro   string
		mine    string
		nOthers int
	}{
		{desc: "first shown", shown: &vs[0], intro: "<p>Intro.</p>\n\n\n<p>End.</p>", mine: "<p><strong>First way.</strong> One\ntwo.</p>", nOthers: 1},
		{desc: "second shown", shown: &vs[1], intro: "<p>Intro.</p>\n\n\n<p>End.</p>", mine: "<p><strong>Second way.</strong> Three.</p>", nOthers: 1},
		{desc: "a param twin is its parent", shown: &course.Variant{Name: "a-2", Parent: "a"}, intro: "<p>Intro.</p>\n\n\n<p>End.</p>", mine: "<p><strong>First way.</strong> One\ntwo.</p>", nOthers: 1},
		{desc: "no variant", shown: nil, intro: html, nOthers: 0},
	}
	for _, tt := range tests {
		got := splitText(html, vs, tt.shown)
		if got.intro != tt.intro || got.mine != tt.mine || len(got.others) != tt.nOthers {
			t.Errorf("%s: splitText = %+v, want intro %q mine %q and %d others", tt.desc, got, tt.intro, tt.mine, tt.nOthers)
		}
	}
}

// Every variant of every lesson finds its own paragraph: shown beside its
// code, the others' folded away, none left in the lesson's text.
func TestEveryVariantHasItsParagraph(t *testing.T) {
	for _, l := range registry.Course().Lessons() {
		if len(l.Variants) < 2 {
			continue
		}
		for i := range l.Variants {
			v := &l.Variants[i]
			if v.Parent != "" {
				continue
			}
			got := splitText(l.HTML, l.Variants, v)
			if got.mine == "" || len(got.others) != countOwn(l.Variants)-1 {
				t.Errorf("%s/%s (%q): its paragraph found: %v, others folded: %d, want true and %d", l.Slug, v.Name, v.Title, got.mine != "", len(got.others), countOwn(l.Variants)-1)
			}
		}
	}
}

// countOwn counts the variants that are not a parameter's twins.
func countOwn(vs []course.Variant) int {
	n := 0
	for _, v := range vs {
		if v.Parent == "" {
			n++
		}
	}
	return n
}
