package app

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// A long line in a narrow code pane breaks between tokens: the line's
// HTML offers a break (<wbr>) after ".", "(" and ",", never inside an
// identifier and never inside a tag, and its text is the program's own.
func TestCodeLineBreaksBetweenTokens(t *testing.T) {
	plain := "\tctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond) // ...or not"
	hl := `	<span class="hl-i">ctx</span>, <span class="hl-i">cancel</span> := <span class="hl-i">context</span>.<span class="hl-f">WithTimeout</span>(<span class="hl-i">context</span>.<span class="hl-f">Background</span>(), <span class="hl-n">50</span>*<span class="hl-i">time</span>.<span class="hl-i">Millisecond</span>) <span class="hl-c">// ...or not</span>`
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, c := range []struct{ desc, hl string }{{"highlighted", hl}, {"plain", ""}} {
		var b strings.Builder
		writeSrc(&b, 7, plain, c.hl)
		out := b.String()
		src := out[strings.Index(out, `<span class="src"`):]
		if got := html.UnescapeString(tags.ReplaceAllString(src, "")); got != plain {
			t.Errorf("%s: text %q, want the program's line %q", c.desc, got, plain)
		}
		for _, want := range []string{"context.<wbr>", "WithTimeout(<wbr>", "time.<wbr>"} {
			if !strings.Contains(tags.ReplaceAllStringFunc(src, func(s string) string {
				if s == "<wbr>" {
					return s
				}
				return ""
			}), want) {
				t.Errorf("%s: no break after %q in %s", c.desc, strings.TrimSuffix(want, "<wbr>"), src)
			}
		}
		if strings.Contains(src, "Backg<wbr>") || strings.Contains(src, "(<wbr>)") || strings.Contains(src, ".<wbr>.") || strings.Contains(src, ",<wbr> ") {
			t.Errorf("%s: a break where none is wanted: %s", c.desc, src)
		}
		if regexp.MustCompile(`<[^>]*<wbr>`).MatchString(src) {
			t.Errorf("%s: <wbr> inside a tag: %s", c.desc, src)
		}
	}
}
