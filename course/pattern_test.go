package course

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// samples are strings near the edges of the patterns and of ValidSite:
// every byte alone, lengths around the limits, origins and paths good and
// broken, and random strings over their alphabets (a fixed seed).
func samples() []string {
	out := []string{"", "a", "-", "a-", "-a", "A", "0", "_", "a_b", "é", "a/b"}
	for b := range 256 {
		out = append(out, string(rune(b)), "a"+string([]byte{byte(b)}), string([]byte{byte(b)})+"a")
	}
	for _, n := range []int{39, 40, 41, 62, 63, 64, 65} {
		out = append(out, strings.Repeat("a", n), "a"+strings.Repeat("-", n-1), strings.Repeat("Z", n))
	}
	out = append(out,
		"https://example.org/lanes", "http://example.org", "https://a.b.c:8080/x/y", "https://a..b", "https://.a",
		"https://a.", "https://", "http:/", "https://a:", "https://a:123456", "https://a:12345", "https://a:1/",
		"https://[::1]:8000/lanes", "https://[::1]", "https://[]", "https://[::1", "https://[g]", "/lanes", "/lanes/",
		"//", "/a//b", "/a.b~c_d-e", "/a%20", "lanes", "https://example.org/lanes?x", "https://exa_mple.org",
		"ftp://example.org", "HTTPS://example.org", "https://example.org:80:90", "https://a-b.c-d/e",
	)
	r := rand.New(rand.NewPCG(17, 2026))
	const alphabet = "ab-_Z09.:/[]~%hts"
	for range 20000 {
		n := r.IntN(24)
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteString([]string{"http://", "https://", "https://[", "/"}[r.IntN(4)])
		}
		for range n {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestPatternsAreTheirRegexps holds the hand-written patterns to the
// regular expressions they document (String, SiteExpr).
func TestPatternsAreTheirRegexps(t *testing.T) {
	tests := []struct {
		desc  string
		match func(string) bool
		expr  string
	}{
		{"SlugPattern", SlugPattern.MatchString, SlugPattern.String()},
		{"NamePattern", NamePattern.MatchString, NamePattern.String()},
		{"ProgramIDPattern", ProgramIDPattern.MatchString, ProgramIDPattern.String()},
		{"ValidSite", ValidSite, SiteExpr},
	}
	ss := samples()
	for _, tc := range tests {
		re := regexp.MustCompile(tc.expr)
		matched := 0
		for _, s := range ss {
			if got, want := tc.match(s), re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, want %v (as %s)", tc.desc, s, got, want, tc.expr)
			} else if got {
				matched++
			}
		}
		if matched < 20 {
			t.Errorf("%s: only %d samples match: the comparison says little", tc.desc, matched)
		}
	}
}
