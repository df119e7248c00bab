package rewrite

import (
	"go/ast"
	"go/token"
)

// multiAssign rewrites a multiple assignment with a shared place on its
// left side (a, b = b, a on shared variables; s[i], s[j] = s[j], s[i];
// m[k], n = v, 1) so that each write is a step, in Go's order: first the
// operands of the left side's index expressions and pointer indirections,
// and the right side, are evaluated; then the assignments are carried out
// left to right.
//
//	{ _l0 := &s[i]; _l1, _l2 := m, k; _l3, _l4, _l5 := e1, e2, e3
//	  sim.Store(_l0, _l3, "s[i]"); sim.MapStore(_l1, _l2, _l4, "m"); x = _l5 }
//
// (the new statements are instrumented in their turn: the right side's
// reads of shared variables become loads). It returns nil when no place
// on the left is shared.
func (r *rewriter) multiAssign(x *ast.AssignStmt) ast.Stmt {
	shared := false
	for _, l := range x.Lhs {
		shared = shared || r.isMapIndex(l) || r.sharedPlace(l)
	}
	if !shared {
		return nil
	}
	pos := x.Pos()
	var pre, stores []ast.Stmt
	vals := make([]ast.Expr, len(x.Lhs))
	gen := func(s ast.Stmt) ast.Stmt { r.generated[s] = true; return s }
	for i, l := range x.Lhs {
		if id, ok := ast.Unparen(l).(*ast.Ident); ok && id.Name == "_" {
			vals[i] = &ast.Ident{NamePos: l.Pos(), Name: "_"}
			continue
		}
		t := r.tmp()
		vals[i] = &ast.Ident{NamePos: l.Pos(), Name: t}
		v := &ast.Ident{NamePos: l.Pos(), Name: t}
		name := strLit(r.name(l))
		switch e := ast.Unparen(l).(type) {
		case *ast.IndexExpr:
			if r.isMap(e.X) {
				m, k := r.tmp(), r.tmp()
				pre = append(pre, gen(defineN(l.Pos(), []string{m, k}, e.X, e.Index)))
				stores = append(stores, gen(&ast.ExprStmt{X: call(r.simSel("MapStore", l.Pos()),
					ast.NewIdent(m), ast.NewIdent(k), v, strLit(r.name(e.X)))}))
				continue
			}
		case *ast.Ident:
			if r.sharedPlace(e) {
				stores = append(stores, gen(&ast.ExprStmt{X: call(r.simSel("Store", l.Pos()),
					&ast.UnaryExpr{OpPos: l.Pos(), Op: token.AND, X: &ast.Ident{NamePos: l.Pos(), Name: e.Name}}, v, name)}))
			} else {
				stores = append(stores, gen(&ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{NamePos: l.Pos(), Name: e.Name}},
					TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{v}}))
			}
			continue
		}
		// Any other place: its address, taken now, is where the write goes.
		p := r.tmp()
		pre = append(pre, gen(defineN(l.Pos(), []string{p}, &ast.UnaryExpr{OpPos: l.Pos(), Op: token.AND, X: l})))
		if r.sharedPlace(l) {
			stores = append(stores, gen(&ast.ExprStmt{X: call(r.simSel("Store", l.Pos()), ast.NewIdent(p), v, name)}))
		} else {
			stores = append(stores, gen(&ast.AssignStmt{Lhs: []ast.Expr{&ast.StarExpr{Star: l.Pos(), X: ast.NewIdent(p)}},
				TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{v}}))
		}
	}
	values := gen(&ast.AssignStmt{Lhs: vals, TokPos: pos, Tok: token.DEFINE, Rhs: x.Rhs})
	list := append(append(pre, values), stores...)
	return &ast.BlockStmt{Lbrace: pos, List: list, Rbrace: pos}
}

// defineN is `names := values…` at pos.
func defineN(pos token.Pos, names []string, values ...ast.Expr) ast.Stmt {
	lhs := make([]ast.Expr, len(names))
	for i, n := range names {
		lhs[i] = &ast.Ident{NamePos: pos, Name: n}
	}
	return &ast.AssignStmt{Lhs: lhs, TokPos: pos, Tok: token.DEFINE, Rhs: values}
}

func (r *rewriter) isMapIndex(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	return ok && r.isMap(ix.X)
}
