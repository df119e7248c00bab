package routematch

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// routes are the patterns Lanes routes with (lanes/app.Routes) and a few
// more of the subset.
var routes = []string{
	`^(/[^/]+)*/(play|p/[^/]*|embed/p/[^/]*)$`,
	`^(/[^/]+)*/(lesson|embed)/[^/]*$`,
	`^/`,
	`^/users/\d+$`, `^/a(b|c)*d?$`, `x{2,3}`, `^(?:ab){2}$`, `[]a-]+$`, `^[^]a]*$`, `\w+\.\W`, `(a*)*b`,
	`a+?b`, `^\s*$`, `^.*$`, `[A-Za-z0-9._~-]+`, `^$`, `a|b|`, `(|x)y`, `\D\S`, `^/p/{0,2}q{1,}$`,
}

// paths returns paths near the routes: Lanes' pages under prefixes, and
// random strings over an alphabet with a slash, non-ASCII and invalid
// UTF-8 (a fixed seed).
func paths() []string {
	out := []string{"", "/", "//", "/play", "/p/", "/p/abc", "/embed/p/x", "/x/play", "/x/y/p/z", "/lesson/race",
		"/pre/fix/lesson/race", "/embed/race", "/lesson/race/x", "/lesson", "play", "/users/12", "/users/",
		"/a/é/play", "/a/\xff/play", "/\n/play", "xx", "xxx", "abab", "ababab", "]a-", "ab]", "b", "aab", "  ", "\t\n"}
	r := rand.New(rand.NewPCG(17, 2026))
	alphabet := []string{"/", "/", "p", "play", "lesson", "embed", "a", "b", "x", "d", "1", "é", "\xff", ".", " ", "]", "-", "_", "\n"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestMatchesAsRegexp(t *testing.T) {
	ps := paths()
	for _, expr := range routes {
		re, mine := regexp.MustCompile(expr), mustCompileRoute(expr)
		for _, p := range ps {
			if got, want := mine.MatchString(p), re.MatchString(p); got != want {
				t.Errorf("%s on %q: got %v, want %v", expr, p, got, want)
			}
		}
	}
}

// TestGeneratedPatterns compares random patterns of the subset with regexp.
func TestGeneratedPatterns(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 17))
	atoms := []string{"a", "b", "/", ".", "[^/]", "[ab]", `\d`, `\.`, "x", "(a|b)", "(?:/a)", "^", "$", "(a*|b)"}
	reps := []string{"", "", "", "*", "+", "?", "{1,2}", "{2}", "{0,}", "*?"}
	ps := paths()[:1500]
	for range 400 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			a := atoms[r.IntN(len(atoms))]
			b.WriteString(a)
			if a != "^" && a != "$" {
				b.WriteString(reps[r.IntN(len(reps))])
			}
		}
		expr := b.String()
		re, mine := regexp.MustCompile(expr), mustCompileRoute(expr)
		for _, p := range ps {
			if got, want := mine.MatchString(p), re.MatchString(p); got != want {
				t.Errorf("%s on %q: got %v, want %v", expr, p, got, want)
			}
		}
	}
}

// Syntax outside the subset panics with the pattern, as
// regexp.MustCompile does on an error: a route go-app could not match the
// same way never compiles.
func TestUnsupportedPanics(t *testing.T) {
	tests := []struct{ desc, expr string }{
		{"flags", `(?i)^/play$`},
		{"named group", `(?P<x>a)`},
		{"non-ASCII", `^/é$`},
		{"unicode class", `\pL`},
		{"named class", `[[:alpha:]]`},
		{"unclosed group", `(a`},
		{"stray )", `a)`},
		{"unclosed class", `[a`},
		{"nested repetition", `a**`},
		{"bad range", `[z-a]`},
		{"trailing backslash", `a\`},
		{"word boundary", `\bplay`},
	}
	for _, tc := range tests {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), tc.expr) {
					t.Errorf("%s: %q: panic %v, want one naming the pattern", tc.desc, tc.expr, r)
				}
			}()
			mustCompileRoute(tc.expr)
		}()
	}
}
