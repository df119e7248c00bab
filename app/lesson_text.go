package app

import (
	"strings"

	"lanes/course"
	"lanes/timeline"
)

// lessonText is a lesson's text cut for the page: the paragraph about the
// shown variant goes next to its code, the paragraphs about the others are
// collapsed, the rest is the lesson's introduction.
type lessonText struct {
	intro  string   // trusted HTML
	mine   string   // trusted HTML: the shown variant's paragraph, or ""
	others []string // trusted HTML: the other variants' paragraphs
}

// splitText cuts html: a variant's paragraph is the one that begins with
// its title in bold followed by a full stop ("<p><strong>A forgotten
// Done.</strong>…</p>"), as the lessons write them; a title's trailing
// parenthesis may be left out there ("Buffered (capacity 2)" is
// "<strong>Buffered.</strong>").
func splitText(html string, vs []course.Variant, shown *course.Variant) lessonText {
	var t lessonText
	if shown == nil {
		t.intro = html
		return t
	}
	for _, v := range vs {
		start := strings.Index(html, "<p><strong>"+timeline.EscapeHTML(v.Title)+".</strong>")
		if i := strings.LastIndex(v.Title, " ("); start < 0 && i > 0 && strings.HasSuffix(v.Title, ")") {
			start = strings.Index(html, "<p><strong>"+timeline.EscapeHTML(v.Title[:i])+".</strong>")
		}
		if start < 0 {
			continue
		}
		n := strings.Index(html[start:], "</p>")
		if n < 0 {
			continue
		}
		end := start + n + len("</p>")
		block := html[start:end]
		html = html[:start] + html[end:]
		if v.Name == shown.Name || v.Name == shown.Parent {
			t.mine = block
		} else {
			t.others = append(t.others, block)
		}
	}
	t.intro = strings.TrimSpace(html)
	return t
}
