package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
)

func versionAtLeast(v, min string) bool { return version.Compare(v, min) >= 0 }

// step is sim.Step(LINE) for the statement at pos.
func (r *rewriter) step(pos token.Pos) ast.Stmt {
	return &ast.ExprStmt{X: call(r.simSel("Step", pos), intLit(r.line(pos)))}
}

func (r *rewriter) block(b *ast.BlockStmt) {
	if b != nil {
		b.List = r.stmts(b.List)
	}
}

// stmts rewrites a statement list, putting a step before each statement:
// sim.StepAt for the statements whose operations are all at its line (see
// exact), sim.Step for the others. When the list's last step is a StepAt,
// sim.Unmark follows the list, so that the mark never outlives its
// statement: what runs after the list without a step of its own (a
// loop's condition and post statement, the rest of the caller's statement
// after a return) finds its lines on the stack.
func (r *rewriter) stmts(list []ast.Stmt) []ast.Stmt {
	var out []ast.Stmt
	var marked ast.Stmt // the statement after the last step, if a StepAt
	for i, s := range list {
		terminating := r.terminatesOnlyInGo(s)
		if _, empty := s.(*ast.EmptyStmt); r.steps && !empty && !r.generated[s] {
			marked = nil
			if r.exact(s) { // before r.stmt: it reads the original statement
				marked = s
				out = append(out, r.stepAt(s.Pos()))
			} else {
				out = append(out, r.step(s.Pos()))
			}
		}
		vars, fresh := r.declared(s) // before r.stmt rewrites s
		if lit := r.mirrorGo(s); lit != nil && r.steps {
			if caps := r.captures(lit, s.Pos()); len(caps) > 0 {
				out = append(out, &ast.ExprStmt{X: call(r.simSel("NextCall", s.Pos()),
					append([]ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: `"func"`}}, caps...)...)})
			}
		}
		out = append(out, r.stmt(r.instrument(s))...)
		out = append(out, r.names(vars, fresh, s.Pos())...)
		if terminating && i == len(list)-1 {
			// sim.Panic and sim.Select(false) never return, but only the
			// real panic and select{} are terminating statements for the
			// compiler ("missing return").
			out = append(out, &ast.ExprStmt{X: call(ast.NewIdent("panic"), &ast.BasicLit{Kind: token.STRING, Value: `"unreachable"`})})
		}
	}
	if marked != nil {
		out = append(out, r.unmark(marked.Pos()))
	}
	return out
}

// terminatesOnlyInGo reports statements that are terminating in Go but whose
// rewrite is not: panic(…) and select {}.
func (r *rewriter) terminatesOnlyInGo(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ExprStmt:
		c, ok := ast.Unparen(x.X).(*ast.CallExpr)
		return ok && r.builtin(c.Fun) == "panic"
	case *ast.SelectStmt:
		return len(x.Body.List) == 0
	case *ast.LabeledStmt:
		return r.terminatesOnlyInGo(x.Stmt)
	}
	return false
}

// simple rewrites a statement that must stay a single statement.
func (r *rewriter) simple(s ast.Stmt) ast.Stmt {
	if s == nil {
		return nil
	}
	out := r.stmt(s)
	if len(out) != 1 {
		r.fail(s.Pos(), "this statement in this position is not supported yet")
		return s
	}
	return out[0]
}

// stmt rewrites one statement into the statements that replace it.
func (r *rewriter) stmt(s ast.Stmt) []ast.Stmt {
	switch x := s.(type) {
	case *ast.ExprStmt:
		x.X = r.expr(x.X)
	case *ast.SendStmt:
		return []ast.Stmt{&ast.ExprStmt{X: method(r.chanOperand(x.Chan), "Send", r.expr(x.Value))}}
	case *ast.IncDecStmt:
		x.X = r.expr(x.X)
	case *ast.AssignStmt:
		r.exprs(x.Lhs)
		if !r.recv2(x.Rhs, len(x.Lhs)) {
			r.exprs(x.Rhs)
		}
	case *ast.GoStmt:
		return r.goStmt(x)
	case *ast.DeferStmt:
		return r.deferStmt(x)
	case *ast.BlockStmt:
		r.block(x)
	case *ast.IfStmt:
		x.Init = r.simple(x.Init)
		x.Cond = r.expr(x.Cond)
		r.block(x.Body)
		x.Else = r.simple(x.Else)
	case *ast.ForStmt:
		x.Init = r.simple(x.Init)
		x.Cond = r.expr(x.Cond)
		x.Post = r.simple(x.Post)
		r.block(x.Body)
		if len(x.Body.List) == 0 && r.steps {
			// a spinning loop must still reach a step point
			x.Body.List = []ast.Stmt{r.step(x.Pos())}
		}
	case *ast.RangeStmt:
		if r.isChan(x.X) {
			return r.rangeChan(x, nil)
		}
		isMap := r.rangesOverMap(x)
		if isMap && !r.rangeFunc {
			return r.rangeMapIter(x, nil)
		}
		name := r.name(x.X)
		x.Key, x.Value, x.X = r.expr(x.Key), r.expr(x.Value), r.expr(x.X)
		if isMap {
			x.X = call(r.simSel("Range", x.X.Pos()), x.X, strLit(name), intLit(r.line(x.For)))
		}
		r.block(x.Body)
	case *ast.SwitchStmt:
		x.Init = r.simple(x.Init)
		x.Tag = r.expr(x.Tag)
		r.clauses(x.Body)
	case *ast.TypeSwitchStmt:
		x.Init = r.simple(x.Init)
		x.Assign = r.simple(x.Assign)
		r.clauses(x.Body)
	case *ast.SelectStmt:
		return r.selectStmt(x)
	case *ast.LabeledStmt:
		if rs, ok := x.Stmt.(*ast.RangeStmt); ok && r.isChan(rs.X) {
			return r.rangeChan(rs, x)
		}
		if rs, ok := x.Stmt.(*ast.RangeStmt); ok && !r.rangeFunc && r.rangesOverMap(rs) {
			return r.rangeMapIter(rs, x)
		}
		out := r.stmt(x.Stmt)
		x.Stmt = out[len(out)-1]
		out[len(out)-1] = x
		return out
	case *ast.DeclStmt:
		r.decl(x.Decl)
	case *ast.ReturnStmt:
		r.exprs(x.Results)
	}
	return []ast.Stmt{s}
}

// rangesOverMap reports whether x is a range over a map whose order the
// program can see (it names a key or value), to be rewritten to range over
// sim.Range(m): the order then comes from the strategy and the seed, not
// from the runtime (in a file older than go1.23, without range over
// functions, the loop is rewritten by rangeMapIter).
func (r *rewriter) rangesOverMap(x *ast.RangeStmt) bool {
	if r.opts.Library || (x.Key == nil || isBlank(x.Key)) && (x.Value == nil || isBlank(x.Value)) {
		return false
	}
	t := r.info.TypeOf(x.X)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Map)
	return ok
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// recv2 rewrites `v, ok = <-ch` (rhs of an assignment or var spec with n
// names) to ch.Recv2(); it reports whether it did.
func (r *rewriter) recv2(rhs []ast.Expr, n int) bool {
	if n != 2 || len(rhs) != 1 {
		return false
	}
	u, ok := ast.Unparen(rhs[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	rhs[0] = method(r.chanOperand(u.X), "Recv2")
	return true
}

func (r *rewriter) clauses(body *ast.BlockStmt) {
	for _, c := range body.List {
		cc := c.(*ast.CaseClause)
		r.exprs(cc.List)
		cc.Body = r.stmts(cc.Body)
	}
}

// decl rewrites a declaration inside a function (or a library's package
// level).
func (r *rewriter) decl(d ast.Decl) {
	g, ok := d.(*ast.GenDecl)
	if !ok {
		return
	}
	for _, spec := range g.Specs {
		switch s := spec.(type) {
		case *ast.ValueSpec:
			s.Type = r.expr(s.Type)
			if !r.recv2(s.Values, len(s.Names)) {
				r.exprs(s.Values)
			}
		case *ast.TypeSpec:
			r.typeSpec(s)
		}
	}
}

// typeSpec turns a defined channel type into an alias of *sim.Chan[T]:
// a defined pointer type would lose the channel methods.
func (r *rewriter) typeSpec(s *ast.TypeSpec) {
	if obj := r.info.Defs[s.Name]; obj != nil && s.Assign == 0 {
		if _, ok := obj.Type().Underlying().(*types.Chan); ok {
			s.Assign = s.Name.End()
		}
	}
	r.fields(s.TypeParams)
	s.Type = r.expr(s.Type)
}
