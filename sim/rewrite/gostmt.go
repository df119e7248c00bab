package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// define is `name1, name2… := value`, positioned at pos.
func define(pos token.Pos, names []string, value ast.Expr) ast.Stmt {
	lhs := make([]ast.Expr, len(names))
	for i, n := range names {
		lhs[i] = &ast.Ident{NamePos: pos, Name: n}
	}
	return &ast.AssignStmt{Lhs: lhs, Tok: token.DEFINE, Rhs: []ast.Expr{value}}
}

func idents(names []string) []ast.Expr {
	out := make([]ast.Expr, len(names))
	for i, n := range names {
		out[i] = ast.NewIdent(n)
	}
	return out
}

// goName is the display name of the goroutine `go fun(…)` starts.
func (r *rewriter) goName(fun ast.Expr) string {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.FuncLit:
		return r.litNames[f]
	case *ast.IndexExpr:
		return r.goName(f.X)
	case *ast.IndexListExpr:
		return r.goName(f.X)
	}
	return types.ExprString(fun)
}

// isFunc reports whether fun names a declared function or method expression,
// whose value needs no evaluation at the go statement.
func (r *rewriter) isFunc(fun ast.Expr) bool {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		_, ok := r.info.Uses[f].(*types.Func)
		return ok
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[f]; ok {
			return sel.Kind() == types.MethodExpr
		}
		_, ok := r.info.Uses[f.Sel].(*types.Func)
		return ok
	case *ast.IndexExpr:
		return r.isFunc(f.X)
	case *ast.IndexListExpr:
		return r.isFunc(f.X)
	case *ast.FuncLit:
		return true
	}
	return false
}

// goStmt rewrites `go f(a, b)` to temporaries holding f's value and the
// arguments, evaluated now, then sim.Go("f", func() { _l0(_l1, _l2) }).
func (r *rewriter) goStmt(x *ast.GoStmt) []ast.Stmt {
	c := x.Call
	name := r.goName(c.Fun)
	shown, display := r.callDisplay(c) // before the arguments are rewritten
	var caps []ast.Expr
	if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok {
		caps = r.captures(lit, x.Go)
	}
	var pre []ast.Stmt
	hoist := func(e ast.Expr) ast.Expr {
		t := r.tmp()
		pre = append(pre, define(x.Go, []string{t}, e))
		return ast.NewIdent(t)
	}
	fun := c.Fun
	if r.isFunc(fun) {
		fun = r.expr(fun)
	} else {
		fun = hoist(r.expr(fun))
	}
	var args []ast.Expr
	if tuple, ok := r.info.TypeOf(firstOrNil(c.Args)).(*types.Tuple); ok && len(c.Args) == 1 && tuple.Len() > 1 {
		names := make([]string, tuple.Len())
		for i := range names {
			names[i] = r.tmp()
		}
		pre = append(pre, define(x.Go, names, r.expr(c.Args[0])))
		args = idents(names)
	} else {
		for _, a := range c.Args {
			args = append(args, r.goArg(a, hoist))
		}
	}
	var body ast.Expr
	if lit, ok := fun.(*ast.FuncLit); ok && len(args) == 0 && lit.Type.Results == nil {
		body = lit // go func() {…}() needs no wrapper
	} else {
		inner := &ast.CallExpr{Fun: fun, Args: args, Ellipsis: c.Ellipsis}
		body = &ast.FuncLit{Type: &ast.FuncType{Func: x.Go, Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{Lbrace: x.Go, List: []ast.Stmt{&ast.ExprStmt{X: inner}}, Rbrace: x.Go}}
	}
	shownArgs := caps
	skipped := 0
	for i, d := range display {
		if d.skip {
			skipped++
			continue
		}
		if d.src == "" && i < len(args) {
			if id, ok := args[i].(*ast.Ident); ok {
				shownArgs = append(shownArgs, &ast.Ident{NamePos: x.Go, Name: id.Name})
				continue
			}
			d.src = "…"
		}
		shownArgs = append(shownArgs, call(r.simSel("Src", x.Go), &ast.BasicLit{ValuePos: x.Go, Kind: token.STRING, Value: strconv.Quote(d.src)}))
	}
	if skipped > 0 && skipped == len(display) {
		shownArgs = append(shownArgs, call(r.simSel("Src", x.Go), &ast.BasicLit{ValuePos: x.Go, Kind: token.STRING, Value: strconv.Quote("…")}))
	}
	var list ast.Expr = &ast.Ident{NamePos: x.Go, Name: "nil"}
	if len(shownArgs) > 0 {
		list = &ast.CompositeLit{Type: &ast.ArrayType{Lbrack: x.Go, Elt: &ast.Ident{NamePos: x.Go, Name: "any"}}, Lbrace: x.Go, Elts: shownArgs, Rbrace: x.Go}
	}
	spawn := call(r.simSel("GoCall", x.Go), &ast.BasicLit{ValuePos: x.Go, Kind: token.STRING, Value: strconv.Quote(name)},
		&ast.BasicLit{ValuePos: x.Go, Kind: token.STRING, Value: strconv.Quote(shown)}, list, body)
	return append(pre, &ast.ExprStmt{X: spawn})
}

func firstOrNil(list []ast.Expr) ast.Expr {
	if len(list) == 0 {
		return nil
	}
	return list[0]
}

// goArg evaluates one argument of a go statement now. Constants, nil and
// function literals stay in place; an untyped comparison or shift gets the
// type it has in the call, spelled as a conversion.
func (r *rewriter) goArg(a ast.Expr, hoist func(ast.Expr) ast.Expr) ast.Expr {
	tv := r.info.Types[a]
	if tv.Value != nil || tv.IsNil() {
		return r.expr(a)
	}
	if _, ok := ast.Unparen(a).(*ast.FuncLit); ok {
		return r.expr(a)
	}
	if _, ok := a.(*ast.Ellipsis); ok {
		return r.expr(a)
	}
	conv := false
	switch u := ast.Unparen(a).(type) {
	case *ast.BinaryExpr:
		switch u.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			conv = !types.Identical(tv.Type, types.Typ[types.Bool])
		case token.SHL, token.SHR:
			conv = true
		}
	case *ast.UnaryExpr:
		conv = u.Op == token.NOT && !types.Identical(tv.Type, types.Typ[types.Bool])
	}
	pos := a.Pos()
	e := r.expr(a)
	if conv && tv.Type != nil {
		t := r.typeExpr(tv.Type, pos)
		switch t.(type) {
		case *ast.Ident, *ast.SelectorExpr:
		default:
			t = &ast.ParenExpr{X: t}
		}
		e = call(t, e)
	}
	return hoist(e)
}

// deferStmt keeps the deferred call deferred (recover() in it still works)
// and defers sim.DeferLine(LINE) after it, which runs just before it.
func (r *rewriter) deferStmt(x *ast.DeferStmt) []ast.Stmt {
	if c, ok := r.expr(x.Call).(*ast.CallExpr); ok {
		x.Call = c
	}
	if !r.steps {
		return []ast.Stmt{x}
	}
	line := &ast.DeferStmt{Defer: x.Defer, Call: call(r.simSel("DeferLine", x.Defer), intLit(r.line(x.Pos())))}
	return []ast.Stmt{x, line}
}
