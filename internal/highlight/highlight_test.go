package highlight

import (
	"fmt"
	"strings"
	"testing"
)

func ExampleGo() {
	lines, _ := Go("func main() {\n\tgo worker(1) // a <b>\n}\n")
	for _, l := range lines {
		fmt.Println(l)
	}
	// Output:
	// <span class="hl-k">func</span> <span class="hl-f">main</span>() {
	// 	<span class="hl-k">go</span> <span class="hl-f">worker</span>(<span class="hl-n">1</span>) <span class="hl-c">// a &lt;b&gt;</span>
	// }
}

func TestGo(t *testing.T) {
	tests := []struct {
		desc, src string
		want      []string
	}{
		{"a string with markup is escaped", `s := "<script>&"`, []string{`s := <span class="hl-s">&#34;&lt;script&gt;&amp;&#34;</span>`}},
		{"a raw string over two lines stays on its lines", "s := `a\nb`", []string{"s := <span class=\"hl-s\">`a</span>", "<span class=\"hl-s\">b`</span>"}},
		{"types and builtins", "var n int = len(x)", []string{`<span class="hl-k">var</span> n <span class="hl-t">int</span> = <span class="hl-b">len</span>(x)`}},
		{"an empty line stays", "a\n\nb", []string{"a", "", "b"}},
		{"invalid input is text", "\x00<", []string{"\x00&lt;"}},
	}
	for _, tc := range tests {
		got, err := Go(tc.src)
		if err != nil {
			t.Fatalf("%s: %v", tc.desc, err)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got %q, want %q", tc.desc, got, tc.want)
		}
	}
}

func FuzzGo(f *testing.F) {
	f.Add("func main() {}\n")
	f.Add("s := `a\n<b>`")
	f.Fuzz(func(t *testing.T, src string) {
		lines, err := Go(src)
		if err != nil {
			return
		}
		if got, want := len(lines), strings.Count(strings.TrimSuffix(src, "\n"), "\n")+1; got != want {
			t.Errorf("%d lines for %q, want %d", got, src, want)
		}
		for _, l := range lines {
			if strings.ContainsAny(stripTags(l), "<>") {
				t.Errorf("unescaped markup in %q", l)
			}
		}
	})
}

// stripTags removes the spans Go writes.
func stripTags(s string) string {
	for {
		i := strings.Index(s, "<span class=\"")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "\">")
		s = s[:i] + s[i+j+2:]
	}
	return strings.ReplaceAll(s, "</span>", "")
}
