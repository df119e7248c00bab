package rewrite

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

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
			golden := strings.TrimSuffix(file, ".go") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Rewrite(%s) differs from %s (run go test -update and review the diff):\n%s", file, golden, got)
			}
		})
	}
}
