package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLineDirectives checks, in every golden twin, that each statement
// following sim.Step(N) is reported by the compiler at line N of the shown
// file (positions as adjusted by the //line directives).
func TestLineDirectives(t *testing.T) {
	for _, file := range goldenInputs(t) {
		golden := strings.TrimSuffix(file, ".go") + ".golden"
		src, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, golden, src, 0)
		if err != nil {
			t.Fatalf("%s does not parse: %v", golden, err)
		}
		checked := 0
		ast.Inspect(f, func(n ast.Node) bool {
			var list []ast.Stmt
			switch x := n.(type) {
			case *ast.BlockStmt:
				list = x.List
			case *ast.CaseClause:
				list = x.Body
			}
			want := 0
			for _, s := range list {
				if n, ok := stepLine(s); ok {
					want = n
					continue
				}
				if _, labeled := s.(*ast.LabeledStmt); want == 0 || labeled {
					continue
				}
				pos := fset.Position(s.Pos())
				if filepath.Base(pos.Filename) != filepath.Base(file) || pos.Line != want {
					t.Errorf("%s: statement at %s (absolute line %d) follows sim.Step(%d)", golden, pos, fset.PositionFor(s.Pos(), false).Line, want)
				}
				checked++
			}
			return true
		})
		if checked == 0 {
			t.Errorf("%s: no statement checked", golden)
		}
	}
}

func stepLine(s ast.Stmt) (int, bool) {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return 0, false
	}
	c, ok := es.X.(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return 0, false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Step" {
		return 0, false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(lit.Value)
	return n, err == nil
}
