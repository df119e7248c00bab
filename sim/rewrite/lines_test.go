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
// following sim.Step(N) or sim.StepAt(N) is reported by the compiler at
// line N of the shown file (positions as adjusted by the //line
// directives; a select case's operand, evaluated at the select, at its
// case's line), and after sim.StepAt(N) every part of it too (but the blocks
// and function literals in it, whose statements have their own steps).
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
			want, exact := 0, false
			for _, s := range list {
				if n, at, ok := stepLine(s); ok {
					want, exact = n, at
					continue
				}
				if exact {
					ast.Inspect(s, func(n ast.Node) bool {
						switch n.(type) {
						case *ast.FuncLit, *ast.BlockStmt:
							return false // its statements have their own steps
						}
						if n == nil || !n.Pos().IsValid() {
							return true
						}
						if pos := fset.Position(n.Pos()); pos.Line != want {
							t.Errorf("%s: %T at %s in a statement after sim.StepAt(%d)", golden, n, pos, want)
						}
						return true
					})
				}
				if _, labeled := s.(*ast.LabeledStmt); want == 0 || labeled {
					continue
				}
				pos := fset.Position(s.Pos())
				if isCaseBuilder(s) && filepath.Base(pos.Filename) == filepath.Base(file) && pos.Line >= want {
					continue // a select's case, evaluated at the select, is at its own (later) line
				}
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

// isCaseBuilder reports a select case's operand statement,
// `_lN := x.RecvCase()` or `_lN := x.SendCase(v)`, with .At(L) or not.
func isCaseBuilder(s ast.Stmt) bool {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	c, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok {
		return false
	}
	if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "At" {
		c, ok = sel.X.(*ast.CallExpr) // x.RecvCase().At(L)
		if !ok {
			return false
		}
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	return ok && (sel.Sel.Name == "RecvCase" || sel.Sel.Name == "SendCase")
}

// stepLine returns N for sim.Step(N) and sim.StepAt(N) (at is true).
func stepLine(s ast.Stmt) (n int, at, ok bool) {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return 0, false, false
	}
	c, ok := es.X.(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return 0, false, false
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Step" && sel.Sel.Name != "StepAt" {
		return 0, false, false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok {
		return 0, false, false
	}
	n, err := strconv.Atoi(lit.Value)
	return n, sel.Sel.Name == "StepAt", err == nil
}
