// Package highlight colours Go source for the code pane, at build time
// (lessongen), so that neither the server nor the browser runs a lexer.
//
// Go splits src into lines of trusted HTML: chroma's Go lexer gives the
// tokens, and each token of a kind worth colouring becomes
// <span class="hl-K">text</span>, its text escaped by timeline.EscapeHTML
// (the project's one escaping path); other text is escaped and left
// bare. The classes (styled in web/lanes.css, light and dark):
//
//	hl-k  keywords (func, go, defer, for, return…)
//	hl-t  types (int, string, error…)
//	hl-b  builtins and predeclared names (make, len, nil, true…)
//	hl-f  function names, declared or called
//	hl-s  strings and runes
//	hl-n  numbers
//	hl-c  comments
package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"lanes/timeline"
)

// Go returns src as lines of trusted HTML, one per line of src (a final
// newline ends the last line; it does not start another).
func Go(src string) ([]string, error) {
	src = strings.TrimSuffix(src, "\n")
	lexer := lexers.Get("go")
	it, err := chroma.Coalesce(lexer).Tokenise(nil, src)
	if err != nil {
		return nil, err
	}
	lines := []string{""}
	var b strings.Builder
	for tok := it(); tok != chroma.EOF; tok = it() {
		class := Class(tok.Type)
		for i, part := range strings.Split(tok.Value, "\n") {
			if i > 0 {
				lines[len(lines)-1] = b.String()
				b.Reset()
				lines = append(lines, "")
			}
			if part == "" {
				continue
			}
			if class == "" {
				b.WriteString(timeline.EscapeHTML(part))
				continue
			}
			b.WriteString(`<span class="` + class + `">`)
			b.WriteString(timeline.EscapeHTML(part))
			b.WriteString(`</span>`)
		}
	}
	lines[len(lines)-1] = b.String()
	return lines, nil
}

// Class is the class of a token type, "" for plain text.
func Class(t chroma.TokenType) string {
	switch {
	case t == chroma.KeywordType:
		return "hl-t"
	case t == chroma.NameBuiltin || t == chroma.KeywordConstant:
		return "hl-b"
	case t == chroma.NameFunction:
		return "hl-f"
	case t.InCategory(chroma.Keyword):
		return "hl-k"
	case t.InCategory(chroma.Comment):
		return "hl-c"
	case t.InSubCategory(chroma.LiteralString):
		return "hl-s"
	case t.InSubCategory(chroma.LiteralNumber):
		return "hl-n"
	}
	return ""
}
