package rewrite

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lanes/internal/golden"
)

// goldenInputs lists the programs in testdata (one construct family each).
func goldenInputs(t testing.TB) []string {
	files, err := filepath.Glob("testdata/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata programs: %v", err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, file := range goldenInputs(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Rewrite(file, src, Options{})
			if err != nil {
				t.Fatalf("Rewrite: %v", err)
			}
			if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
				t.Errorf("output is not gofmt'd (err %v)", err)
			}
			golden.Check(t, strings.TrimSuffix(file, ".go")+".golden", got)
		})
	}
}
