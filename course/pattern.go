package course

import "strings"

// A Pattern is a rule for a name from a URL: a first character from one
// set, then at most Max more from another (ASCII sets). It matches the
// regular expression String returns (a test compares them on many
// strings), without package regexp: the browser build links no regular
// expression engine (about 0.1 MB brotli with its Unicode tables).
type Pattern struct {
	first, rest string // the allowed bytes
	max         int    // characters after the first
	expr        string // the regular expression it is
}

// MatchString reports whether s is a name the pattern allows.
func (p Pattern) MatchString(s string) bool {
	if s == "" || len(s) > 1+p.max || strings.IndexByte(p.first, s[0]) < 0 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if strings.IndexByte(p.rest, s[i]) < 0 {
			return false
		}
	}
	return true
}

// String returns the pattern as a regular expression.
func (p Pattern) String() string { return p.expr }

// The character sets of the patterns.
const (
	lowerDigits = "abcdefghijklmnopqrstuvwxyz0123456789"
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + lowerDigits
)

// ValidSite reports whether s may be used as a site URL (origin and path
// prefix, no trailing slash), e.g. "https://example.org/lanes" or "/lanes":
// an http(s) origin and an optional path prefix, nothing that needs
// escaping anywhere. It is the regular expression SiteExpr (a test
// compares them).
func ValidSite(s string) bool {
	rest, ok := cutOrigin(s)
	return ok && validPathPrefix(rest)
}

// SiteExpr is what ValidSite accepts, as a regular expression.
const SiteExpr = `^(https?://([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?)?(/[A-Za-z0-9._~-]+)*$`

// cutOrigin removes an http(s) origin from the front of s, if s starts with
// a scheme; ok is false when the origin is malformed.
func cutOrigin(s string) (rest string, ok bool) {
	rest, found := strings.CutPrefix(s, "http://")
	if !found {
		rest, found = strings.CutPrefix(s, "https://")
	}
	if !found {
		return s, true
	}
	if r, found := strings.CutPrefix(rest, "["); found {
		n := span(r, "0123456789ABCDEFabcdef:.")
		if n == 0 || n == len(r) || r[n] != ']' {
			return "", false
		}
		rest = r[n+1:]
	} else {
		n := span(rest, alnum+"-.")
		for label := range strings.SplitSeq(rest[:n], ".") {
			if label == "" {
				return "", false
			}
		}
		rest = rest[n:]
	}
	if r, found := strings.CutPrefix(rest, ":"); found {
		n := span(r, "0123456789")
		if n < 1 || n > 5 {
			return "", false
		}
		rest = r[n:]
	}
	return rest, true
}

// validPathPrefix reports whether s is zero or more "/segment"s, each
// segment a non-empty run of URL characters that need no escaping.
func validPathPrefix(s string) bool {
	if s == "" {
		return true
	}
	segs := strings.Split(s, "/")
	if segs[0] != "" {
		return false
	}
	for _, seg := range segs[1:] {
		if seg == "" || span(seg, alnum+"._~-") != len(seg) {
			return false
		}
	}
	return true
}

// span is the length of the longest prefix of s made of bytes in set.
func span(s, set string) int {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return i
		}
	}
	return len(s)
}
