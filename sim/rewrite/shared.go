package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// This file finds the variables other goroutines can reach and turns their
// reads and writes into the simulator's shared-memory steps (see the
// package documentation, "Shared memory").
//
// A variable is shared when it is written after its declaration and is a
// package-level variable, a local variable captured by a function literal
// that may run in another goroutine, or a local variable whose address is
// taken. A variable only ever read after its declaration cannot race, so
// its reads stay as they are. Memory reached through a pointer or a slice
// (p.n, *p, s[i]) is always shared; map entries are always shared (every
// map operation is a map step, which also checks Go's "concurrent map
// writes").

// findShared fills r.shared for the whole file.
func (r *rewriter) findShared() {
	r.shared = map[*types.Var]bool{}
	if r.opts.Library {
		return
	}
	written := map[*types.Var]bool{}
	reach := map[*types.Var]bool{} // package-level, captured or address taken
	var lits []*ast.FuncLit        // enclosing function literals that may run concurrently
	conc := r.concurrentLits()
	skipPost := map[ast.Stmt]map[*types.Var]bool{}
	var write func(e ast.Expr, addr bool, post ast.Stmt)
	write = func(e ast.Expr, addr bool, post ast.Stmt) {
		v := r.rootVar(e)
		if v == nil || skipPost[post][v] {
			return
		}
		written[v] = true
		if addr {
			reach[v] = true
		}
	}
	var stack []ast.Node
	var post ast.Stmt // the for statement's post statement being walked, if any
	ast.Inspect(r.f, func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if lit, ok := top.(*ast.FuncLit); ok && len(lits) > 0 && lits[len(lits)-1] == lit {
				lits = lits[:len(lits)-1]
			}
			if top == post {
				post = nil
			}
			return true
		}
		stack = append(stack, n)
		if s, ok := n.(ast.Stmt); ok && post == nil && skipPost[s] != nil {
			post = s
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			if conc[x] {
				lits = append(lits, x)
			}
		case *ast.ForStmt:
			// Go 1.22+: each iteration has its own loop variable, which the
			// post statement writes before the iteration starts.
			if init, ok := x.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE && r.perIter && x.Post != nil {
				vars := map[*types.Var]bool{}
				for _, l := range init.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if v, ok := r.info.Defs[id].(*types.Var); ok {
							vars[v] = true
						}
					}
				}
				skipPost[x.Post] = vars
			}
		case *ast.Ident:
			v, ok := r.info.Uses[x].(*types.Var)
			if !ok || v.IsField() {
				return true
			}
			if v.Parent() == r.pkg.Scope() {
				reach[v] = true
			}
			for _, lit := range lits {
				if v.Pos() < lit.Pos() || v.Pos() >= lit.End() {
					reach[v] = true // captured by a literal that may run in another goroutine
				}
			}
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				for _, l := range x.Lhs {
					if id, ok := l.(*ast.Ident); ok && r.info.Defs[id] == nil {
						write(id, false, post) // redeclared
					}
				}
			} else {
				for _, l := range x.Lhs {
					write(l, false, post)
				}
			}
		case *ast.IncDecStmt:
			write(x.X, false, post)
		case *ast.RangeStmt:
			// Before Go 1.22, one variable serves every iteration: the
			// loop writes it each time.
			if x.Tok == token.ASSIGN || !r.perIter {
				write(x.Key, false, post)
				write(x.Value, false, post)
			}
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				write(x.X, true, post)
			}
		case *ast.SliceExpr:
			if t, ok := r.under(x.X).(*types.Array); ok && t != nil {
				write(x.X, true, post)
			}
		case *ast.SelectorExpr:
			if r.ptrMethodOnValue(x) {
				write(x.X, true, post)
			}
		}
		return true
	})
	for v := range written {
		if reach[v] && !isSyncType(v.Type()) {
			r.shared[v] = true
		}
	}
}

// concurrentLits returns the function literals that may run in another
// goroutine: those of go statements and spawners (wg.Go…), and every one
// that is stored, returned or given to the program's own functions. A
// literal called at once, deferred, or given to a function of another
// package that is not a spawner (sort.Slice) runs in its goroutine.
func (r *rewriter) concurrentLits() map[*ast.FuncLit]bool {
	conc := map[*ast.FuncLit]bool{}
	var stack []ast.Node
	ast.Inspect(r.f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if lit, ok := n.(*ast.FuncLit); ok && len(stack) > 0 {
			conc[lit] = true
			parent := stack[len(stack)-1]
			if p, ok := parent.(*ast.ParenExpr); ok && len(stack) > 1 && p.X == lit {
				parent = stack[len(stack)-2]
			}
			if c, ok := parent.(*ast.CallExpr); ok {
				if ast.Unparen(c.Fun) == lit {
					_, isGo := stack[max(len(stack)-2, 0)].(*ast.GoStmt)
					conc[lit] = isGo
				} else if fn := r.callee(c.Fun); fn != nil && fn.Pkg() != nil && fn.Pkg() != r.pkg && !spawners[fn.FullName()] {
					conc[lit] = false
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	return conc
}

// rootVar is the variable whose storage e denotes part of (x for x, x.f,
// x[i] of an array), or nil when e goes through a pointer, a slice or a
// map (then the memory is reached, not the variable written).
func (r *rewriter) rootVar(e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := r.info.Uses[x].(*types.Var)
		if v == nil {
			v, _ = r.info.Defs[x].(*types.Var)
		}
		if v != nil && v.IsField() {
			return nil
		}
		return v
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[x]; ok && sel.Kind() == types.FieldVal && !sel.Indirect() {
			return r.rootVar(x.X)
		}
	case *ast.IndexExpr:
		if _, ok := r.under(x.X).(*types.Array); ok {
			return r.rootVar(x.X)
		}
	}
	return nil
}

func (r *rewriter) under(e ast.Expr) types.Type {
	t := r.info.TypeOf(e)
	if t == nil {
		return nil
	}
	return t.Underlying()
}

// ptrMethodOnValue reports whether x is a method with a pointer receiver
// selected on an addressable value (x.X's address is taken).
func (r *rewriter) ptrMethodOnValue(x *ast.SelectorExpr) bool {
	sel, ok := r.info.Selections[x]
	if !ok || sel.Kind() != types.MethodVal {
		return false
	}
	sig, _ := sel.Obj().Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	_, recvPtr := sig.Recv().Type().(*types.Pointer)
	_, xPtr := r.under(x.X).(*types.Pointer)
	return recvPtr && !xPtr
}

// isSyncType reports the types whose values are only used through their
// methods (the sync, time and context mirrors' types): they need no steps.
func isSyncType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case "sync", "sync/atomic", "golang.org/x/sync/errgroup", "golang.org/x/sync/semaphore":
		return true
	}
	return false
}
