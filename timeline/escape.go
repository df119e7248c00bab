package timeline

// EscapeHTML escapes the five characters that matter in HTML text and
// attribute values (&, <, >, " and '), exactly as html.EscapeString does.
// It exists because html.EscapeString is built on strings.Replacer, whose
// machinery adds about 20 KB to the browser's wasm for this one job.
func EscapeHTML(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&', '<', '>', '"', '\'':
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+4*n)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&#34;"...)
		case '\'':
			b = append(b, "&#39;"...)
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
