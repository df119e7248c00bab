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

// declared lists the variables s declares (var x T, x := …), in order,
// and which of them s makes point to a new value (w := &worker{}, w :=
// new(worker)): their fields can be named (w.mu) without a nil check.
func (r *rewriter) declared(s ast.Stmt) (vars []*types.Var, fresh map[*types.Var]bool) {
	var ids []*ast.Ident
	var vals []ast.Expr
	switch x := s.(type) {
	case *ast.AssignStmt:
		if x.Tok != token.DEFINE {
			return nil, nil
		}
		for _, e := range x.Lhs {
			id, _ := e.(*ast.Ident)
			ids = append(ids, id)
		}
		if len(x.Rhs) == len(x.Lhs) {
			vals = x.Rhs
		}
	case *ast.DeclStmt:
		g, ok := x.Decl.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			return nil, nil
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			ids = append(ids, vs.Names...)
			if len(vs.Values) == len(vs.Names) {
				vals = append(vals, vs.Values...)
			} else {
				vals = append(vals, make([]ast.Expr, len(vs.Names))...)
			}
		}
	}
	for i, id := range ids {
		v, ok := r.info.Defs[id].(*types.Var)
		if id == nil || !ok || id.Name == "_" {
			continue
		}
		vars = append(vars, v)
		if i < len(vals) && r.newValue(vals[i]) {
			if fresh == nil {
				fresh = map[*types.Var]bool{}
			}
			fresh[v] = true
		}
	}
	return vars, fresh
}

// newValue reports whether e is &T{…} or new(T): a pointer never nil.
func (r *rewriter) newValue(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(x.X).(*ast.CompositeLit)
		return x.Op == token.AND && lit
	case *ast.CallExpr:
		id, ok := ast.Unparen(x.Fun).(*ast.Ident)
		if !ok {
			return false
		}
		b, ok := r.info.Uses[id].(*types.Builtin)
		return ok && b.Name() == "new"
	}
	return false
}

// names is the sim.Name calls for the variables vars, placed at pos; a
// struct's fields are named through a pointer in fresh (see declared).
func (r *rewriter) names(vars []*types.Var, fresh map[*types.Var]bool, pos token.Pos) []ast.Stmt {
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
		// a struct value's own objects, d.mu, or a new struct's, w.mu
		t := v.Type()
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			if !fresh[v] {
				continue
			}
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
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
