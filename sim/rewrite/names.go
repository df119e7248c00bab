package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// This file passes the program's names to the simulator: after each
// declaration of a variable holding a synchronisation object (a WaitGroup,
// a mutex, a channel, an errgroup, a semaphore, by value or by pointer, or
// a struct value with such fields, a context, a *time.Timer or
// *time.Ticker), sim.Name(&wg, "wg") tells the run what the program calls
// it, so the timeline says `wg`, `d.mu` and `ctx`, not `waitgroup 2`.

// nameable reports whether a variable of type t holds a synchronisation
// object the run can name, and whether the twin's value is already a
// pointer to it (a channel, a *sync.WaitGroup).
func nameable(t types.Type) (ok, ptr bool) {
	if _, isChan := t.Underlying().(*types.Chan); isChan {
		return true, true
	}
	if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
		t, ptr = p.Elem(), true
	}
	n, isNamed := types.Unalias(t).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return false, false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "context.Context":
		return !ptr, true // an interface: the twin's value is the context
	case "time.Timer", "time.Ticker":
		return ptr, true // sim.Name names its channel C
	case "sync.WaitGroup", "sync.Mutex", "sync.RWMutex", "sync.Once",
		"golang.org/x/sync/errgroup.Group", "golang.org/x/sync/semaphore.Weighted":
		return true, ptr
	}
	return false, false
}

// declared lists the variables s declares (var x T, x := …), in order.
func (r *rewriter) declared(s ast.Stmt) []*types.Var {
	var ids []*ast.Ident
	switch x := s.(type) {
	case *ast.AssignStmt:
		if x.Tok != token.DEFINE {
			return nil
		}
		for _, e := range x.Lhs {
			if id, ok := e.(*ast.Ident); ok {
				ids = append(ids, id)
			}
		}
	case *ast.DeclStmt:
		g, ok := x.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			return nil
		}
		for _, spec := range g.Specs {
			ids = append(ids, spec.(*ast.ValueSpec).Names...)
		}
	}
	var vars []*types.Var
	for _, id := range ids {
		if v, ok := r.info.Defs[id].(*types.Var); ok && id.Name != "_" {
			vars = append(vars, v)
		}
	}
	return vars
}

// names is the sim.Name calls for the variables vars, placed at pos.
func (r *rewriter) names(vars []*types.Var, pos token.Pos) []ast.Stmt {
	if !r.steps {
		return nil
	}
	var out []ast.Stmt
	add := func(x ast.Expr, name string, ptr bool) {
		if !ptr {
			x = &ast.UnaryExpr{Op: token.AND, X: x}
		}
		out = append(out, &ast.ExprStmt{X: call(r.simSel("Name", pos), x,
			&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(name)})})
	}
	for _, v := range vars {
		id := &ast.Ident{NamePos: pos, Name: v.Name()}
		if ok, ptr := nameable(v.Type()); ok {
			add(id, v.Name(), ptr)
			continue
		}
		// a struct value's own objects: d.mu
		st, ok := v.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		if _, isPtr := v.Type().(*types.Pointer); isPtr {
			continue
		}
		for i := range st.NumFields() {
			f := st.Field(i)
			if f.Name() == "_" || f.Embedded() {
				continue
			}
			if ok, ptr := nameable(f.Type()); ok && !ptr {
				add(&ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: v.Name()}, Sel: ast.NewIdent(f.Name())},
					v.Name()+"."+f.Name(), false)
			}
		}
	}
	return out
}
