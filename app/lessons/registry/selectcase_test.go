package registry_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
)

// TestSelectCasesLessons: the scheduler game names a select's cases by
// reading the program's text (course.SelectCases); on every lesson it
// finds what go/parser finds.
func TestSelectCasesLessons(t *testing.T) {
	n := 0
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			n += checkSelectCases(t, l.Slug+"/"+v.Name, v.Code)
		}
	}
	if n == 0 {
		t.Error("no lesson has a select: the test checks nothing")
	}
}

// checkSelectCases checks SelectCases against go/parser on every select
// statement of a program: same cases, same lines, same headers.
func checkSelectCases(t *testing.T, name, code string) int {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, code, parser.ParseComments)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := 0
	ast.Inspect(f, func(nd ast.Node) bool {
		sel, ok := nd.(*ast.SelectStmt)
		if !ok {
			return true
		}
		n++
		var want []course.SelectCase
		for _, st := range sel.Body.List {
			cc := st.(*ast.CommClause)
			if cc.Comm == nil {
				continue
			}
			start, end := fset.Position(cc.Pos()), fset.Position(cc.Colon)
			want = append(want, course.SelectCase{Line: start.Line, Text: strings.TrimSpace(code[start.Offset:end.Offset])})
		}
		line := fset.Position(sel.Pos()).Line
		if got := course.SelectCases(code, line); !slices.Equal(got, want) {
			t.Errorf("%s: the select on line %d: SelectCases = %+v, go/parser says %+v", name, line, got, want)
		}
		return true
	})
	return n
}
