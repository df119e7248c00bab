package site

import "testing"

func TestCompactCSS(t *testing.T) {
	for _, tc := range []struct{ desc, in, want string }{
		{desc: "comments and indentation go", in: "/* a note */\n.a {\n  color: red;\n}\n", want: ".a{color: red;}"},
		{desc: "a descendant's space stays", in: ".a  .b\n\t{ margin: 0 auto }", want: ".a .b{margin: 0 auto}"},
		{desc: "a comment between words is a space", in: "a/**/b{x:1}", want: "a b{x:1}"},
		{desc: "strings are kept", in: `.e::before { content: "  /* not a comment */  "; }`, want: `.e::before{content: "  /* not a comment */  ";}`},
		{desc: "escaped quotes in strings", in: `p { content: 'it\'s  /*x*/' }`, want: `p{content: 'it\'s  /*x*/'}`},
		{desc: "pseudo-class spacing is kept", in: "a :hover, a:hover {}", want: "a :hover, a:hover{}"},
		{desc: "media queries", in: "@media (max-width: 899.98px) {\n  .x { a: b; }\n}\n", want: "@media (max-width: 899.98px){.x{a: b;}}"},
		{desc: "an unclosed comment ends the sheet", in: ".a{b:c}/* open", want: ".a{b:c}"},
		{desc: "an unclosed string is kept", in: `.a{content:"x`, want: `.a{content:"x`},
	} {
		if got := string(compactCSS([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: compactCSS(%q) = %q, want %q", tc.desc, tc.in, got, tc.want)
		}
	}
}

// FuzzCompactCSS: compacting is idempotent and never grows the sheet.
func FuzzCompactCSS(f *testing.F) {
	for _, s := range []string{".a { b: c } /* d */", `x{content:"/*"}`, "a\n\tb", "'\\'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := compactCSS([]byte(s))
		if len(once) > len(s) {
			t.Fatalf("compactCSS(%q) = %q grew", s, once)
		}
		if twice := compactCSS(once); string(twice) != string(once) {
			t.Fatalf("not idempotent: %q → %q → %q", s, once, twice)
		}
	})
}
