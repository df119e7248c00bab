package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// shownArg is how a go statement's argument is shown in the goroutine's
// name: src, a constant's value as written, or "" for a simple value (a
// number, a string, a boolean) that the run formats when the goroutine
// starts. Other arguments (&wg, jobs, a func) are plumbing the name
// leaves out (skip): worker(i, &wg) is worker(1); a call with only such
// arguments shows as producer(…).
type shownArg struct {
	src  string
	skip bool
}

// maxShown is the longest spelling of an argument shown; longer ones are "…".
const maxShown = 16

// callDisplay is the function as a go statement's goroutine is named
// ("worker", "d.query", "func" for a literal) and how each argument is
// shown. A call spread from a multi-value call, f(g()), shows as f(…).
func (r *rewriter) callDisplay(c *ast.CallExpr) (string, []shownArg) {
	fun := "func"
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.FuncLit:
	case *ast.Ident, *ast.SelectorExpr:
		fun = types.ExprString(f)
	default:
		fun = r.goName(c.Fun)
	}
	if len(c.Args) == 1 {
		if _, ok := r.info.TypeOf(c.Args[0]).(*types.Tuple); ok {
			return fun, []shownArg{{src: "…"}}
		}
	}
	out := make([]shownArg, len(c.Args))
	for i, a := range c.Args {
		tv := r.info.Types[a]
		switch {
		case tv.Value != nil:
			out[i].src = constString(tv.Value)
			if lit, ok := ast.Unparen(a).(*ast.BasicLit); ok {
				out[i].src = lit.Value // 'r', 0x10 as written
			}
		case c.Ellipsis.IsValid() && i == len(c.Args)-1:
			out[i].skip = true
		case basic(tv.Type):
			// formatted by the run
		default:
			out[i].skip = true
		}
		if len([]rune(out[i].src)) > maxShown {
			out[i].src = "…"
		}
	}
	return fun, out
}

// basic reports whether t is a number, string or boolean type.
func basic(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsNumeric|types.IsString|types.IsBoolean) != 0 && b.Info()&types.IsUntyped == 0
}

func constString(v constant.Value) string {
	if v.Kind() == constant.String {
		s := constant.StringVal(v)
		if len([]rune(s)) > 12 {
			s = string([]rune(s)[:12]) + "…"
		}
		return strconv.Quote(s)
	}
	return v.String()
}

// maxCaptures is how many loop variables a goroutine's name shows.
const maxCaptures = 2

// loopVars lists the per-iteration loop variables (Go 1.22+: for i := …,
// for k, v := range …) of the file, once.
func (r *rewriter) loopVars() map[*types.Var]bool {
	if r.loops != nil {
		return r.loops
	}
	r.loops = map[*types.Var]bool{}
	if !r.perIter {
		return r.loops // one variable for every iteration: its value at the go statement says little
	}
	def := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := r.info.Defs[id].(*types.Var); ok {
				r.loops[v] = true
			}
		}
	}
	ast.Inspect(r.f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ForStmt:
			if as, ok := x.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
				for _, e := range as.Lhs {
					def(e)
				}
			}
		case *ast.RangeStmt:
			if x.Tok == token.DEFINE {
				def(x.Key)
				def(x.Value)
			}
		}
		return true
	})
	return r.loops
}

// captures is the sim.Capture arguments for the basic-typed loop
// variables lit uses, in order of first use, at most maxCaptures.
func (r *rewriter) captures(lit *ast.FuncLit, pos token.Pos) []ast.Expr {
	loops := r.loopVars()
	if len(loops) == 0 {
		return nil
	}
	var out []ast.Expr
	seen := map[*types.Var]bool{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || len(out) == maxCaptures {
			return len(out) < maxCaptures
		}
		v, ok := r.info.Uses[id].(*types.Var)
		inside := v != nil && v.Pos() >= lit.Pos() && v.Pos() < lit.End() // the literal's own loop
		if !ok || !loops[v] || seen[v] || inside || !basic(v.Type()) {
			return true
		}
		seen[v] = true
		out = append(out, &ast.CompositeLit{Type: r.simSel("Capture", pos), Elts: []ast.Expr{
			&ast.KeyValueExpr{Key: ast.NewIdent("Name"), Value: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(v.Name())}},
			&ast.KeyValueExpr{Key: ast.NewIdent("Value"), Value: &ast.Ident{NamePos: pos, Name: v.Name()}},
		}})
		return true
	})
	return out
}

// mirrorGo is the function literal of `wg.Go(func() {…})` or
// `g.Go(func() error {…})`, the statement s, whose goroutine a mirror
// starts; nil for any other statement.
func (r *rewriter) mirrorGo(s ast.Stmt) *ast.FuncLit {
	es, ok := s.(*ast.ExprStmt)
	if !ok {
		return nil
	}
	c, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 {
		return nil
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Go" {
		return nil
	}
	if ok, _ := nameable(r.info.TypeOf(sel.X)); !ok {
		return nil
	}
	lit, _ := ast.Unparen(c.Args[0]).(*ast.FuncLit)
	return lit
}
