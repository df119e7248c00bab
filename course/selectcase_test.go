package course_test

import (
	"slices"
	"testing"

	"lanes/course"
)

func TestSelectCases(t *testing.T) {
	tests := []struct {
		desc string
		code string
		line int
		want []course.SelectCase
	}{
		{desc: "two cases and a default", line: 2, code: "func f() {\n\tselect {\n\tcase <-done: // stop\n\t\treturn\n\tcase v := <-jobs:\n\t\tuse(v)\n\tdefault:\n\t}\n}\n",
			want: []course.SelectCase{{Line: 3, Text: "case <-done"}, {Line: 5, Text: "case v := <-jobs"}}},
		{desc: "a nested select and braces in strings", line: 1, code: "select {\ncase s := <-ch:\n\tfmt.Println(\"}{ case x:\")\n\tselect {\n\tcase <-a:\n\t}\ncase out <- f(map[int]int{1: 2}): g()\n}\n",
			want: []course.SelectCase{{Line: 2, Text: "case s := <-ch"}, {Line: 7, Text: "case out <- f(map[int]int{1: 2})"}}},
		{desc: "no select on the line", line: 1, code: "x := 1\n", want: nil},
		{desc: "a line past the end", line: 9, code: "select {}\n", want: nil},
		{desc: "an empty select", line: 1, code: "select {}\n", want: nil},
	}
	for _, tt := range tests {
		if got := course.SelectCases(tt.code, tt.line); !slices.Equal(got, tt.want) {
			t.Errorf("%s: SelectCases = %+v, want %+v", tt.desc, got, tt.want)
		}
	}
	if got, want := (course.SelectCase{Line: 14, Text: "case <-done"}).Label(), "case <-done (line 14)"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}
