package rewrite

import (
	"go/parser"
	"go/token"
	"os"
	"testing"
)

// FuzzRewrite: arbitrary input never panics the rewriter; it gives either an
// error or a twin that parses.
func FuzzRewrite(f *testing.F) {
	for _, file := range goldenInputs(f) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("package main\n\nfunc main() { select {} }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := Rewrite("main.go", src, Options{})
		if err != nil {
			return
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "twin.go", out, 0); err != nil {
			t.Fatalf("twin does not parse: %v\n%s", err, out)
		}
	})
}
