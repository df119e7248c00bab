// Package golden compares test output with golden files, for every
// package's tests: Check(t, path, got) fails with a diff of the lines that
// differ, and `go test -update` rewrites the files instead.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update is the -update flag of every test binary that imports golden.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Check compares got with the golden file at path. With -update it writes
// got there (creating the directory) instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the change):\n%s", path, Diff(string(want), string(got)))
	}
}

// maxDiffLines bounds the lines Diff shows from each side.
const maxDiffLines = 40

// Diff shows where want and got differ, line by line: the lines both share
// at the start and at the end are left out (their count is said), the
// differing middle is shown as "-" (want) and "+" (got) lines, at most
// maxDiffLines of each. "" when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := lines(want), lines(got)
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d: %d lines the same before, %d after @@\n", pre+1, pre, suf)
	side := func(mark string, lines []string) {
		for i, l := range lines {
			if i == maxDiffLines {
				fmt.Fprintf(&b, "%s… %d more lines\n", mark, len(lines)-i)
				break
			}
			b.WriteString(mark + strings.TrimSuffix(l, "\n") + "\n")
		}
	}
	side("-", w[pre:len(w)-suf])
	side("+", g[pre:len(g)-suf])
	return b.String()
}

// lines splits s after each newline; a final newline ends the last line.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}
