package golden

import (
	"fmt"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		desc, want, got, diff string
	}{
		{desc: "equal", want: "a\nb\n", got: "a\nb\n", diff: ""},
		{desc: "one line changed", want: "a\nb\nc\n", got: "a\nB\nc\n", diff: "@@ line 2: 1 lines the same before, 1 after @@\n-b\n+B\n"},
		{desc: "a line added at the end", want: "a\n", got: "a\nb\n", diff: "@@ line 2: 1 lines the same before, 0 after @@\n+b\n"},
		{desc: "no final newline", want: "a", got: "b", diff: "@@ line 1: 0 lines the same before, 0 after @@\n-a\n+b\n"},
	}
	for _, tt := range tests {
		if got := Diff(tt.want, tt.got); got != tt.diff {
			t.Errorf("%s: Diff =\n%q\nwant\n%q", tt.desc, got, tt.diff)
		}
	}
	long := Diff(strings.Repeat("x\n", 100), strings.Repeat("y\n", 100))
	if n := strings.Count(long, "\n"); n > 2*maxDiffLines+3 {
		t.Errorf("a long diff has %d lines, want at most %d", n, 2*maxDiffLines+3)
	}
}

func ExampleDiff() {
	fmt.Print(Diff("package main\n\nfunc main() {}\n", "package main\n\nfunc main() { go f() }\n"))
	// Output:
	// @@ line 3: 2 lines the same before, 0 after @@
	// -func main() {}
	// +func main() { go f() }
}
