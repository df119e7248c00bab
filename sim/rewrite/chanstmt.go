package rewrite

import (
	"go/ast"
	"go/token"
)

// selectStmt rewrites select into case objects built in source order and a
// switch on sim.Select's choice. Without a default clause the last case is
// the switch's default, so a select whose clauses all terminate stays a
// terminating statement.
func (r *rewriter) selectStmt(x *ast.SelectStmt) []ast.Stmt {
	if len(x.Body.List) == 0 {
		return []ast.Stmt{&ast.ExprStmt{X: call(r.simSel("Select", x.Select), ast.NewIdent("false"))}}
	}
	var pre []ast.Stmt
	var cases []ast.Expr
	hasDefault := false
	var clauses []ast.Stmt
	for _, c := range x.Body.List {
		cc := c.(*ast.CommClause)
		var body []ast.Stmt
		if cc.Comm == nil {
			hasDefault = true
			clauses = append(clauses, &ast.CaseClause{Case: cc.Case, Colon: cc.Colon, Body: r.stmts(cc.Body)})
			continue
		}
		t := r.tmp()
		// The case's operands are evaluated at the select, but at the case's
		// own line (//line): time.After's timer is the case's, not the
		// select statement's.
		at := cc.Comm.Pos()
		// A case on a line of its own records its send or receive there
		// (.At(L)); the select's wait and choice stay at the select's line.
		onLine := func(c *ast.CallExpr) ast.Expr {
			if l := r.line(at); l != r.line(x.Select) {
				return method(c, "At", intLit(l))
			}
			return c
		}
		switch comm := cc.Comm.(type) {
		case *ast.SendStmt:
			pre = append(pre, define(at, []string{t}, onLine(method(r.chanOperand(comm.Chan), "SendCase", r.expr(comm.Value)))))
		case *ast.ExprStmt:
			u := ast.Unparen(comm.X).(*ast.UnaryExpr)
			pre = append(pre, define(at, []string{t}, onLine(method(r.chanOperand(u.X), "RecvCase"))))
		case *ast.AssignStmt:
			u := ast.Unparen(comm.Rhs[0]).(*ast.UnaryExpr)
			pre = append(pre, define(at, []string{t}, onLine(method(r.chanOperand(u.X), "RecvCase"))))
			r.exprs(comm.Lhs)
			rhs := []ast.Expr{&ast.SelectorExpr{X: ast.NewIdent(t), Sel: ast.NewIdent("V")}}
			if len(comm.Lhs) == 2 {
				rhs = append(rhs, &ast.SelectorExpr{X: ast.NewIdent(t), Sel: ast.NewIdent("OK")})
			}
			if r.steps {
				body = append(body, r.step(comm.Pos()))
			}
			body = append(body, &ast.AssignStmt{Lhs: comm.Lhs, TokPos: comm.TokPos, Tok: comm.Tok, Rhs: rhs})
		}
		body = append(body, r.stmts(cc.Body)...)
		clauses = append(clauses, &ast.CaseClause{Case: cc.Case, List: []ast.Expr{intLit(len(cases))}, Colon: cc.Colon, Body: body})
		cases = append(cases, ast.NewIdent(t))
	}
	if !hasDefault {
		clauses[len(clauses)-1].(*ast.CaseClause).List = nil
	}
	sel := call(r.simSel("Select", x.Select), append([]ast.Expr{ast.NewIdent(boolName(hasDefault))}, cases...)...)
	sw := &ast.SwitchStmt{Switch: x.Select, Tag: sel, Body: &ast.BlockStmt{Lbrace: x.Body.Lbrace, List: clauses, Rbrace: x.Body.Rbrace}}
	return append(pre, sw)
}

func boolName(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// rangeChan rewrites `for v := range ch { body }` to a loop over Recv2 that
// stops when the channel is closed. With Go 1.22+ semantics v is declared in
// each iteration; in a pre-1.22 file it is one variable declared before the
// loop. label, if not nil, labels the range statement.
func (r *rewriter) rangeChan(x *ast.RangeStmt, label *ast.LabeledStmt) []ast.Stmt {
	pos, prePos := x.For, x.For
	if label != nil {
		prePos = label.Pos()
	}
	ch, ok := r.tmp(), r.tmp()
	pre := []ast.Stmt{define(prePos, []string{ch}, r.expr(x.X))}
	recv := method(ast.NewIdent(ch), "Recv2")
	var loop, after []ast.Stmt
	brk := []ast.Stmt{&ast.BranchStmt{Tok: token.BREAK}}
	if r.steps {
		// The loop's only operation, Recv2, is at the for line; the mark
		// ends at the body's first step, or before leaving the loop.
		loop = append(loop, r.stepAt(pos))
		brk = append([]ast.Stmt{r.unmark(pos)}, brk...)
	}
	key, _ := x.Key.(*ast.Ident)
	blank := x.Key == nil || key != nil && key.Name == "_"
	wrapBody := false
	switch {
	case blank:
		loop = append(loop, define(pos, []string{"_", ok}, recv))
	case x.Tok == token.DEFINE && r.perIter:
		loop = append(loop, define(pos, []string{key.Name, ok}, recv))
		wrapBody = declares(x.Body.List, key.Name)
	case x.Tok == token.DEFINE:
		v := r.tmp()
		pre = append(pre, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{{NamePos: pos, Name: key.Name}}, Type: r.typeExpr(r.info.Defs[key].Type(), pos)}}}})
		loop = append(loop, define(pos, []string{v, ok}, recv))
		after = append(after, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(key.Name)}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(v)}})
	default: // for k = range ch
		v := r.tmp()
		loop = append(loop, define(pos, []string{v, ok}, recv))
		after = append(after, &ast.AssignStmt{Lhs: []ast.Expr{r.expr(x.Key)}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(v)}})
	}
	loop = append(loop, &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{Op: token.NOT, X: ast.NewIdent(ok)},
		Body: &ast.BlockStmt{List: brk}})
	loop = append(loop, after...)
	r.block(x.Body)
	if wrapBody {
		loop = append(loop, x.Body)
	} else {
		loop = append(loop, x.Body.List...)
	}
	var stmt ast.Stmt = &ast.ForStmt{For: pos, Body: &ast.BlockStmt{Lbrace: x.Body.Lbrace, List: loop, Rbrace: x.Body.Rbrace}}
	if label != nil {
		label.Stmt = stmt
		stmt = label
	}
	out := append(pre, stmt)
	if x.Tok == token.DEFINE && !blank && !r.perIter {
		// keep the shared variable's scope to the loop
		return []ast.Stmt{&ast.BlockStmt{Lbrace: pos, List: out, Rbrace: x.Body.Rbrace}}
	}
	return out
}

// rangeMapIter rewrites a range over a map in a file older than go1.23
// (which cannot range over sim.Range's function) to a loop over
// sim.MapIter: `_l0 := sim.MapIter(m, "m", L); for { k, v, _l1 := _l0.Next(); if
// !_l1 { break }; body }`, with the loop variables per iteration or, in a
// pre-1.22 file, one pair declared before the loop, as rangeChan does.
func (r *rewriter) rangeMapIter(x *ast.RangeStmt, label *ast.LabeledStmt) []ast.Stmt {
	pos, prePos := x.For, x.For
	if label != nil {
		prePos = label.Pos()
	}
	it, ok := r.tmp(), r.tmp()
	mapName := strLit(r.name(x.X))
	pre := []ast.Stmt{define(prePos, []string{it}, call(r.simSel("MapIter", pos), r.expr(x.X), mapName, intLit(r.line(pos))))}
	next := method(ast.NewIdent(it), "Next")
	name := func(e ast.Expr) string { // "" for none or _
		if id, isID := e.(*ast.Ident); isID && id.Name != "_" {
			return id.Name
		}
		return ""
	}
	k, v := name(x.Key), name(x.Value)
	var loop, after []ast.Stmt
	wrapBody := false
	switch {
	case x.Tok == token.DEFINE && r.perIter:
		lhs := []string{"_", "_", ok}
		if k != "" {
			lhs[0] = k
		}
		if v != "" {
			lhs[1] = v
		}
		loop = append(loop, define(pos, lhs, next))
		wrapBody = k != "" && declares(x.Body.List, k) || v != "" && declares(x.Body.List, v)
	case x.Tok == token.DEFINE:
		lhs := []string{"_", "_", ok}
		for i, e := range []ast.Expr{x.Key, x.Value} {
			n := name(e)
			if n == "" {
				continue
			}
			t := r.tmp()
			lhs[i] = t
			pre = append(pre, &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Names: []*ast.Ident{{NamePos: pos, Name: n}}, Type: r.typeExpr(r.info.Defs[e.(*ast.Ident)].Type(), pos)}}}})
			after = append(after, &ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(n)}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(t)}})
		}
		loop = append(loop, define(pos, lhs, next))
	default: // for k, v = range m
		lhs := []string{"_", "_", ok}
		for i, e := range []ast.Expr{x.Key, x.Value} {
			if e == nil || name(e) == "" && isBlank(e) {
				continue
			}
			t := r.tmp()
			lhs[i] = t
			after = append(after, &ast.AssignStmt{Lhs: []ast.Expr{r.expr(e)}, Tok: token.ASSIGN, Rhs: []ast.Expr{ast.NewIdent(t)}})
		}
		loop = append(loop, define(pos, lhs, next))
	}
	loop = append(loop, &ast.IfStmt{If: pos, Cond: &ast.UnaryExpr{Op: token.NOT, X: ast.NewIdent(ok)},
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.BranchStmt{Tok: token.BREAK}}}})
	loop = append(loop, after...)
	r.block(x.Body)
	if wrapBody {
		loop = append(loop, x.Body)
	} else {
		loop = append(loop, x.Body.List...)
	}
	var stmt ast.Stmt = &ast.ForStmt{For: pos, Body: &ast.BlockStmt{Lbrace: x.Body.Lbrace, List: loop, Rbrace: x.Body.Rbrace}}
	if label != nil {
		label.Stmt = stmt
		stmt = label
	}
	out := append(pre, stmt)
	// keep the iterator's (and a pre-1.22 file's shared variables') scope
	// to the loop
	return []ast.Stmt{&ast.BlockStmt{Lbrace: prePos, List: out, Rbrace: x.Body.Rbrace}}
}

// declares reports whether the top level of list declares name.
func declares(list []ast.Stmt, name string) bool {
	for _, s := range list {
		switch x := s.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Name == name {
						return true
					}
				}
			}
		case *ast.DeclStmt:
			for _, spec := range x.Decl.(*ast.GenDecl).Specs {
				switch sp := spec.(type) {
				case *ast.ValueSpec:
					for _, id := range sp.Names {
						if id.Name == name {
							return true
						}
					}
				case *ast.TypeSpec:
					if sp.Name.Name == name {
						return true
					}
				}
			}
		}
	}
	return false
}
