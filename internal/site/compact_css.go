package site

import "bytes"

// compactCSS is css without its comments and with each run of white space
// made one space (none next to "{", "}" and ";"), for a page that carries
// its stylesheets inline: the comments explain the files in web/, and
// every page sent paid for them (5 KB of the 33 KB). Quoted strings are
// kept as they are; nothing else changes meaning, since CSS treats any
// run of white space as one and none is needed beside those three.
func compactCSS(css []byte) []byte {
	out := make([]byte, 0, len(css))
	space := false // a run of white space (or a comment) is pending
	emit := func(c byte) {
		if space && len(out) > 0 && !tight(out[len(out)-1]) && !tight(c) {
			out = append(out, ' ')
		}
		space = false
		out = append(out, c)
	}
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			if end := bytes.Index(css[i+2:], []byte("*/")); end < 0 {
				i = len(css)
			} else {
				i += 2 + end + 1
			}
			space = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			space = true
		case c == '"' || c == '\'':
			emit(c)
			for i++; i < len(css); i++ {
				out = append(out, css[i])
				if css[i] == '\\' && i+1 < len(css) {
					i++
					out = append(out, css[i])
				} else if css[i] == c {
					break
				}
			}
		default:
			emit(c)
		}
	}
	return out
}

// tight reports whether CSS needs no white space beside c.
func tight(c byte) bool { return c == '{' || c == '}' || c == ';' }
