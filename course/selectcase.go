package course

import (
	"strconv"
	"strings"
)

// SelectCase is one case of a select statement as the program shows it:
// its line and its header ("case v := <-jobs").
type SelectCase struct {
	Line int
	Text string
}

// Label is how the scheduler game offers the case: "case v := <-jobs
// (line 14)".
func (c SelectCase) Label() string {
	return c.Text + " (line " + strconv.Itoa(c.Line) + ")"
}

// SelectCases returns the cases of the select statement that starts on
// line (1-based) of code, in source order and without the default: the
// i-th is the one sim's Select numbers i. It reads the text (strings,
// runes and comments skipped), so that the browser needs no Go parser;
// nil when no select starts there. A test checks it against go/parser on
// every lesson.
func SelectCases(code string, line int) []SelectCase {
	lines := strings.SplitAfter(code, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	at := strings.Index(lines[line-1], "select")
	if at < 0 {
		return nil
	}
	off := at
	for _, l := range lines[:line-1] {
		off += len(l)
	}
	var out []SelectCase
	depth, ln, bol := 0, line, false
	for i := off + len("select"); i < len(code); i++ {
		ch := code[i]
		if bol && depth == 1 && (strings.HasPrefix(code[i:], "case ") || strings.HasPrefix(code[i:], "case\t")) {
			out = append(out, SelectCase{Line: ln, Text: caseHeader(code[i:])})
		}
		if ch != ' ' && ch != '\t' {
			bol = false
		}
		switch ch {
		case '\n':
			ln++
			bol = true
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return out
			}
		case '"', '\'', '`':
			j := skipQuoted(code, i)
			ln += strings.Count(code[i:j], "\n")
			i = j - 1
		case '/':
			if j := skipComment(code, i); j > i {
				ln += strings.Count(code[i:j], "\n")
				i = j - 1
			}
		}
	}
	return nil
}

// caseHeader is a case clause's text up to its colon (":=" is not one).
func caseHeader(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'', '`':
			i = skipQuoted(s, i) - 1
		case '\n':
			return strings.TrimSpace(s[:i])
		case ':':
			if depth == 0 && (i+1 >= len(s) || s[i+1] != '=') {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return strings.TrimSpace(s)
}

// skipQuoted returns the index after the string or rune literal at s[i].
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == q:
			return j + 1
		case s[j] == '\\' && q != '`':
			j++
		case s[j] == '\n' && q != '`':
			return j // unterminated: stop at the line's end
		}
	}
	return len(s)
}

// skipComment returns the index after the comment at s[i] (i when there is
// none). A line comment ends before its newline.
func skipComment(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "//"):
		if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(s)
	case strings.HasPrefix(s[i:], "/*"):
		if j := strings.Index(s[i+2:], "*/"); j >= 0 {
			return i + 2 + j + 2
		}
		return len(s)
	}
	return i
}
