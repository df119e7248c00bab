package timeline

import (
	"html"
	"testing"
)

func TestEscapeHTML(t *testing.T) {
	for _, tt := range []struct{ desc, in string }{
		{desc: "empty", in: ""},
		{desc: "plain", in: "worker 2 done"},
		{desc: "all five", in: `a&b<c>d"e'f`},
		{desc: "already escaped", in: "&amp; &lt;"},
		{desc: "utf-8 and newlines", in: "π < τ\n\t¬ok"},
	} {
		if got, want := EscapeHTML(tt.in), html.EscapeString(tt.in); got != want {
			t.Errorf("%s: EscapeHTML(%q) = %q, want %q (html.EscapeString)", tt.desc, tt.in, got, want)
		}
	}
}

func FuzzEscapeHTML(f *testing.F) {
	f.Add(`<a href="x">'&'</a>`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := EscapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("EscapeHTML(%q) = %q, want %q", s, got, want)
		}
	})
}
