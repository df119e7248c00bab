package timeline

import "strings"

// A textElem is one <text> of an SVG drawn by this package, as its parts.
type textElem struct{ class, x, y, attrs, text string }

// texts finds the <text> elements of svg the way the regular expression
// textExpr does (a test compares them): leftmost first, not overlapping.
// Hand-written so that the browser build links no regular expression
// engine (TextBoxes is for tests, but a package-level regexp would be
// compiled at every start).
func texts(svg string) []textElem {
	const open = `<text class="`
	var out []textElem
	for {
		i := strings.Index(svg, open)
		if i < 0 {
			return out
		}
		m, n, ok := parseText(svg[i+len(open):])
		if !ok {
			svg = svg[i+1:]
			continue
		}
		out = append(out, m)
		svg = svg[i+len(open)+n:]
	}
}

// textExpr is what texts finds, as a regular expression.
const textExpr = `<text class="([^"]*)" x="([-0-9.]+)" y="([-0-9.]+)"([^>]*)>(?:<title>[^<]*</title>)?([^<]*)</text>`

// parseText reads a <text> element after its `<text class="`, returning
// its parts and the length read.
func parseText(s string) (m textElem, n int, ok bool) {
	r := s
	// upTo cuts r at the first c: the part before it, r after it.
	upTo := func(c byte) (string, bool) {
		j := strings.IndexByte(r, c)
		if j < 0 {
			return "", false
		}
		v := r[:j]
		r = r[j+1:]
		return v, true
	}
	// number reads [-0-9.]+ after prefix, then a quote.
	number := func(prefix string) (string, bool) {
		rest, found := strings.CutPrefix(r, prefix)
		if !found {
			return "", false
		}
		j := 0
		for j < len(rest) && strings.IndexByte("-0123456789.", rest[j]) >= 0 {
			j++
		}
		if j == 0 || j == len(rest) || rest[j] != '"' {
			return "", false
		}
		r = rest[j+1:]
		return rest[:j], true
	}
	var ok1, ok2, ok3, ok4 bool
	m.class, ok1 = upTo('"')
	m.x, ok2 = number(` x="`)
	m.y, ok3 = number(` y="`)
	m.attrs, ok4 = upTo('>')
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return m, 0, false
	}
	if t, found := strings.CutPrefix(r, "<title>"); found {
		j := strings.IndexByte(t, '<')
		if j < 0 || !strings.HasPrefix(t[j:], "</title>") {
			return m, 0, false
		}
		r = t[j+len("</title>"):]
	}
	j := strings.IndexByte(r, '<')
	if j < 0 || !strings.HasPrefix(r[j:], "</text>") {
		return m, 0, false
	}
	m.text = r[:j]
	r = r[j+len("</text>"):]
	return m, len(s) - len(r), true
}

// anchor is the text-anchor an element's other attributes set: "middle",
// "end" or "" (the first text-anchor="middle" or "end" counts).
func anchor(attrs string) string {
	const key = `text-anchor="`
	for {
		i := strings.Index(attrs, key)
		if i < 0 {
			return ""
		}
		attrs = attrs[i+len(key):]
		for _, a := range []string{"middle", "end"} {
			if strings.HasPrefix(attrs, a+`"`) {
				return a
			}
		}
	}
}
