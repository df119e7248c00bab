package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// This file rewrites accesses to shared memory (see shared.go):
//
//	x = v          sim.Store(&x, v, "x")
//	x++, x += v    sim.Store(&x, sim.Load(&x, "x")+v, "x")
//	… x …          … sim.Load(&x, "x") …
//	p.n, *p, s[i]  the same on &p.n, p, &s[i]
//	m[k] = v       sim.MapStore(m, k, v, "m")
//	m[k]           sim.MapLoad(m, k, "m"); v, ok := m[k]: sim.MapLoad2
//	delete(m, k)   sim.MapDelete(m, k, "m")
//	a, b = b, a    { _l0, _l1 := sim.Load(&b, "b"), sim.Load(&a, "a"); sim.Store(&a, _l0, "a"); … }
//	copy(d, s)     sim.Copy(d, s, "d", "s"); clear(s): sim.ClearSlice, clear(m): sim.ClearMap
//	range s        each element read a sim.LoadAt step (rangeelems.go)
//
// Only the statement's own expressions are rewritten here, before the rest
// of its rewrite; nested blocks and function literals are reached by
// stmts. A multiple assignment with a shared place on its left is
// multiAssign's, a range over a slice's element reads rangeElems', copy and
// clear copyClear's; map iteration is sim.Range's (see rangeMap).

// assignOps maps an assignment operator to its binary operator.
var assignOps = map[token.Token]token.Token{
	token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL,
	token.QUO_ASSIGN: token.QUO, token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND,
	token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR, token.SHL_ASSIGN: token.SHL,
	token.SHR_ASSIGN: token.SHR, token.AND_NOT_ASSIGN: token.AND_NOT,
}

// instrument rewrites the shared-memory accesses of statement s itself.
func (r *rewriter) instrument(s ast.Stmt) ast.Stmt {
	if r.shared == nil {
		return s
	}
	switch x := s.(type) {
	case *ast.ExprStmt:
		if c, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && r.builtin(c.Fun) == "delete" && len(c.Args) == 2 {
			name := r.name(c.Args[0])
			return &ast.ExprStmt{X: call(r.simSel("MapDelete", c.Pos()), r.rval(c.Args[0]), r.rval(c.Args[1]), strLit(name))}
		}
		x.X = r.rval(x.X)
	case *ast.SendStmt:
		x.Chan, x.Value = r.rval(x.Chan), r.rval(x.Value)
	case *ast.IncDecStmt:
		op := token.ADD
		if x.Tok == token.DEC {
			op = token.SUB
		}
		if w := r.rmw(x.X, op, &ast.BasicLit{Kind: token.INT, Value: "1"}); w != nil {
			return w
		}
		x.X = r.place(x.X)
	case *ast.AssignStmt:
		if len(x.Lhs) > 1 && x.Tok == token.ASSIGN && !r.header {
			if w := r.multiAssign(x); w != nil {
				return w
			}
		}
		if len(x.Lhs) == 1 && len(x.Rhs) == 1 && x.Tok != token.DEFINE {
			if x.Tok == token.ASSIGN {
				if w := r.write(x.Lhs[0], x.Rhs[0]); w != nil {
					return w
				}
			} else if op, ok := assignOps[x.Tok]; ok {
				if w := r.rmw(x.Lhs[0], op, x.Rhs[0]); w != nil {
					return w
				}
			}
		}
		if x.Tok != token.DEFINE {
			for i := range x.Lhs {
				x.Lhs[i] = r.place(x.Lhs[i])
			}
		}
		r.rvals2(x.Rhs, len(x.Lhs))
	case *ast.GoStmt:
		r.rval(x.Call)
	case *ast.DeferStmt:
		r.rval(x.Call)
	case *ast.ReturnStmt:
		r.rvals(x.Results)
	case *ast.IfStmt:
		x.Init = r.instrumentOpt(x.Init)
		x.Cond = r.rval(x.Cond)
		if e, ok := x.Else.(*ast.IfStmt); ok {
			x.Else = r.instrument(e)
		}
	case *ast.ForStmt:
		x.Init = r.instrumentOpt(x.Init)
		x.Cond = r.rval(x.Cond)
		x.Post = r.instrumentOpt(x.Post)
	case *ast.RangeStmt:
		name := r.name(x.X)
		x.X = r.rval(x.X)
		switch r.under(x.X).(type) {
		case *types.Map, *types.Chan, *types.Signature:
			return s // rewritten by rangeMap, rangeChan, rangeFunc
		}
		if w := r.rangeElems(x, name); w != nil {
			return w
		}
		if x.Tok == token.DEFINE && !r.perIter {
			return r.rangeShared(x)
		}
	case *ast.SwitchStmt:
		x.Init = r.instrumentOpt(x.Init)
		x.Tag = r.rval(x.Tag)
		for _, c := range x.Body.List {
			r.rvals(c.(*ast.CaseClause).List)
		}
	case *ast.TypeSwitchStmt:
		x.Init = r.instrumentOpt(x.Init)
		x.Assign = r.instrumentOpt(x.Assign)
	case *ast.LabeledStmt:
		if rs, ok := x.Stmt.(*ast.RangeStmt); ok {
			rs.X = r.rval(rs.X) // not rangeShared: the label must stay on the loop
		} else {
			x.Stmt = r.instrument(x.Stmt)
		}
	case *ast.DeclStmt:
		if g, ok := x.Decl.(*ast.GenDecl); ok {
			for _, spec := range g.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					r.rvals2(vs.Values, len(vs.Names))
				}
			}
		}
	}
	return s
}

// rangeShared rewrites a pre-Go 1.22 range loop whose variables are
// shared (one variable for every iteration, which the loop writes each
// time) so that each iteration's write is a step:
//
//	{ var v T; for _, _l0 := range x { sim.Store(&v, _l0, "v"); body } }
func (r *rewriter) rangeShared(x *ast.RangeStmt) ast.Stmt {
	var decls, stores []ast.Stmt
	for _, p := range []*ast.Expr{&x.Key, &x.Value} {
		id, ok := (*p).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := r.info.Defs[id].(*types.Var)
		if !ok || !r.shared[v] {
			continue
		}
		t := r.tmp()
		decl := &ast.DeclStmt{Decl: &ast.GenDecl{TokPos: x.For, Tok: token.VAR, Specs: []ast.Spec{
			&ast.ValueSpec{Names: []*ast.Ident{{NamePos: x.For, Name: id.Name}}, Type: r.typeExpr(v.Type(), x.For)}}}}
		store := &ast.ExprStmt{X: call(r.simSel("Store", id.Pos()), &ast.UnaryExpr{OpPos: id.Pos(), Op: token.AND, X: ast.NewIdent(id.Name)},
			&ast.Ident{NamePos: id.Pos(), Name: t}, strLit(id.Name))}
		r.generated[decl], r.generated[store] = true, true
		decls, stores = append(decls, decl), append(stores, store)
		*p = &ast.Ident{NamePos: id.Pos(), Name: t}
	}
	if len(decls) == 0 {
		return x
	}
	x.Body.List = append(stores, x.Body.List...)
	r.generated[x] = true
	return &ast.BlockStmt{Lbrace: x.For, List: append(decls, x), Rbrace: x.For}
}

// instrumentOpt instruments the header statement of an if, for or
// switch, which must stay one simple statement.
func (r *rewriter) instrumentOpt(s ast.Stmt) ast.Stmt {
	if s == nil {
		return nil
	}
	was := r.header
	r.header = true
	defer func() { r.header = was }()
	return r.instrument(s)
}

func strLit(s string) *ast.BasicLit {
	return &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(s)}
}

// name is how the program spells e, for race reports.
func (r *rewriter) name(e ast.Expr) string { return types.ExprString(e) }

func (r *rewriter) rvals(list []ast.Expr) {
	for i, e := range list {
		list[i] = r.rval(e)
	}
}

// rvals2 is rvals for the right side of an assignment to n names, where
// v, ok := m[k] becomes sim.MapLoad2.
func (r *rewriter) rvals2(list []ast.Expr, n int) {
	if n == 2 && len(list) == 1 {
		if ix, ok := ast.Unparen(list[0]).(*ast.IndexExpr); ok && r.isMap(ix.X) {
			list[0] = call(r.simSel("MapLoad2", ix.Pos()), r.rval(ix.X), r.rval(ix.Index), strLit(r.name(ix.X)))
			return
		}
	}
	r.rvals(list)
}

func (r *rewriter) isMap(e ast.Expr) bool {
	_, ok := r.under(e).(*types.Map)
	return ok
}

// sharedPlace reports whether e denotes shared memory: a shared variable,
// a part of one, or memory reached through a pointer or a slice.
func (r *rewriter) sharedPlace(e ast.Expr) bool {
	if tv, ok := r.info.Types[e]; !ok || !tv.Addressable() || isSyncType(tv.Type) {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := r.info.Uses[x].(*types.Var)
		return r.shared[v]
	case *ast.StarExpr:
		return true
	case *ast.SelectorExpr:
		sel, ok := r.info.Selections[x]
		if !ok || sel.Obj().Pkg() != r.pkg {
			return false // another package's variable, or a field of its type (ticker.C)
		}
		return sel.Indirect() || r.sharedPlace(x.X)
	case *ast.IndexExpr:
		switch r.under(x.X).(type) {
		case *types.Slice, *types.Pointer:
			return true
		case *types.Array:
			return r.sharedPlace(x.X)
		}
	}
	return false
}

// load is sim.Load(&e, "e") for a shared place e.
func (r *rewriter) load(e ast.Expr) ast.Expr {
	name := r.name(e)
	c := call(r.simSel("Load", e.Pos()), r.addrOf(r.place(e)), strLit(name))
	tv := r.info.Types[e]
	r.info.Types[c] = types.TypeAndValue{Type: tv.Type}
	return c
}

// addrOf is &p for a place p already rewritten by place (q for *q).
func (r *rewriter) addrOf(p ast.Expr) ast.Expr {
	p = ast.Unparen(p)
	if s, ok := p.(*ast.StarExpr); ok {
		return s.X
	}
	return &ast.UnaryExpr{OpPos: p.Pos(), Op: token.AND, X: p}
}

// write is the statement lhs = rhs when lhs is shared, or nil.
func (r *rewriter) write(lhs, rhs ast.Expr) ast.Stmt {
	if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && r.isMap(ix.X) {
		name := r.name(ix.X)
		m, k := r.rval(ix.X), r.rval(ix.Index)
		return &ast.ExprStmt{X: call(r.simSel("MapStore", lhs.Pos()), m, k, r.rval(rhs), strLit(name))}
	}
	if !r.sharedPlace(lhs) {
		return nil
	}
	name := r.name(lhs)
	addr := r.addrOf(r.place(lhs))
	return &ast.ExprStmt{X: call(r.simSel("Store", lhs.Pos()), addr, r.rval(rhs), strLit(name))}
}

// rmw is the statement lhs op= rhs (or lhs++) when lhs is shared and can
// be evaluated twice, or nil: a read step and a write step.
func (r *rewriter) rmw(lhs ast.Expr, op token.Token, rhs ast.Expr) ast.Stmt {
	isMap := false
	if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && r.isMap(ix.X) {
		isMap = true
	}
	if !isMap && !r.sharedPlace(lhs) || !r.pure(lhs) {
		return nil
	}
	read := r.rval(r.clone(lhs))
	rhs = r.rval(rhs)
	if _, ok := rhs.(*ast.BinaryExpr); ok {
		rhs = &ast.ParenExpr{X: rhs}
	}
	return r.write(lhs, &ast.BinaryExpr{X: read, OpPos: lhs.Pos(), Op: op, Y: rhs})
}
