package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// exact reports whether statement s (of the original program, not yet
// rewritten) gets sim.StepAt instead of sim.Step: its operations then take
// their line from the statement instead of walking the call stack. That is
// right only if every operation s performs is at s's line and nothing but s
// runs between the StepAt and the end of s, so s must be:
//
//   - a simple statement that falls through to the next one: an expression
//     (not panic), send, inc/dec, assignment, go statement or declaration;
//     not return, branch, defer, labeled or compound statements (whose
//     headers run again after their bodies);
//   - with every call and channel operation in it (outside function
//     literals) on its first line: a multi-line statement qualifies only
//     through a function literal, as in go func() { … }() with its
//     arguments on the go statement's line (sim.Go is called there);
//   - closed: it runs no code of the program's own, whose statements would
//     move the mark. Every call in it (outside function literals, which it
//     may build but not call) is a builtin, a conversion, or a function or
//     method of another package (a mirror or a pure package) that is not a
//     method of an interface, whose arguments cannot make that package call
//     back into the program (see inert), but for function literals given to
//     a spawner (wg.Go, errgroup's Go and TryGo, time.AfterFunc), which
//     runs them in a new goroutine. The call of a go statement is not made
//     by the statement (its function value and arguments are).
//
// The rewriter ends the mark after the last statement of a list with
// sim.Unmark (see stmts); sim.DeferLine ends it before deferred calls.
func (r *rewriter) exact(s ast.Stmt) bool {
	switch x := s.(type) {
	case *ast.ExprStmt:
		if c, ok := ast.Unparen(x.X).(*ast.CallExpr); ok && r.builtin(c.Fun) == "panic" {
			return false
		}
	case *ast.SendStmt, *ast.IncDecStmt, *ast.AssignStmt, *ast.GoStmt:
	case *ast.DeclStmt:
	default:
		return false
	}
	line := r.line(s.Pos())
	onLine := func(n ast.Node) bool { return r.line(n.Pos()) == line && r.line(n.End()) == line }
	ok := true
	var goCall *ast.CallExpr
	if g, isGo := s.(*ast.GoStmt); isGo {
		goCall = g.Call
	}
	ast.Inspect(s, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // built, not called here (calls of it are refused below)
		case *ast.CallExpr:
			ok = x == goCall || r.closedCall(x) && (onLine(x) || r.spawnsOnLine(x, line))
		case *ast.SendStmt:
			ok = onLine(x)
		case *ast.UnaryExpr:
			ok = x.Op != token.ARROW || onLine(x)
		}
		return ok
	})
	return ok
}

// closedCall reports whether call c runs no code of the program's own.
func (r *rewriter) closedCall(c *ast.CallExpr) bool {
	if tv, ok := r.info.Types[c.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	if b := r.builtin(c.Fun); b != "" {
		return b != "panic"
	}
	fn := r.callee(c.Fun)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == r.pkg {
		return false // a func value, or the program's own function or method
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return false // dynamic dispatch: could be the program's method
	}
	spawn := spawners[fn.FullName()]
	seen := map[types.Type]bool{}
	for _, a := range c.Args {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); lit && spawn {
			continue // run later, by a new goroutine
		}
		if !r.inert(r.info.TypeOf(a), seen) {
			return false
		}
	}
	return true
}

// spawners are the functions of other packages that take a function and
// run it in a new goroutine, never in the caller's.
var spawners = map[string]bool{
	"(*sync.WaitGroup).Go":                      true,
	"(*golang.org/x/sync/errgroup.Group).Go":    true,
	"(*golang.org/x/sync/errgroup.Group).TryGo": true,
	"time.AfterFunc":                            true,
}

// spawnsOnLine reports whether c is a call of a spawner such as
// wg.Go(func() { … }) that spans lines only by its function literals, with
// its opening parenthesis (the line the compiler gives the call) and its
// other arguments on line.
func (r *rewriter) spawnsOnLine(c *ast.CallExpr, line int) bool {
	if fn := r.callee(c.Fun); fn == nil || !spawners[fn.FullName()] || r.line(c.Lparen) != line || r.line(c.Fun.Pos()) != line {
		return false
	}
	for _, a := range c.Args {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); !lit && (r.line(a.Pos()) != line || r.line(a.End()) != line) {
			return false
		}
	}
	return true
}

// callee returns the function or method called by a call of fun, or nil
// when fun is a func value.
func (r *rewriter) callee(fun ast.Expr) *types.Func {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		fn, _ := r.info.Uses[f].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[f]; ok {
			if sel.Kind() != types.MethodVal {
				return nil // a field of func type, or a method expression
			}
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
		fn, _ := r.info.Uses[f.Sel].(*types.Func) // pkg.Func
		return fn
	case *ast.IndexExpr:
		return r.callee(f.X)
	case *ast.IndexListExpr:
		return r.callee(f.X)
	}
	return nil
}

// inert reports whether a value of type t, passed to another package, gives
// it no way to run the program's code: no func or interface anywhere in it
// (fmt calls String and Error methods through interfaces and fields), no
// type parameter, and no type declared by the program with methods.
func (r *rewriter) inert(t types.Type, seen map[types.Type]bool) bool {
	if t == nil {
		return false
	}
	if seen[t] {
		return true
	}
	seen[t] = true
	switch u := t.(type) {
	case *types.Basic:
		return true
	case *types.Alias:
		return r.inert(types.Unalias(u), seen)
	case *types.Named:
		if obj := u.Obj(); obj.Pkg() == r.pkg &&
			(u.NumMethods() > 0 || types.NewMethodSet(types.NewPointer(u)).Len() > 0) {
			return false
		}
		return r.inert(u.Underlying(), seen)
	case *types.Pointer:
		return r.inert(u.Elem(), seen)
	case *types.Slice:
		return r.inert(u.Elem(), seen)
	case *types.Array:
		return r.inert(u.Elem(), seen)
	case *types.Chan:
		return r.inert(u.Elem(), seen)
	case *types.Map:
		return r.inert(u.Key(), seen) && r.inert(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if !r.inert(u.Field(i).Type(), seen) {
				return false
			}
		}
		return true
	case *types.Tuple:
		for i := range u.Len() {
			if !r.inert(u.At(i).Type(), seen) {
				return false
			}
		}
		return true
	}
	return false // interface, func, type parameter
}

// stepAt is sim.StepAt(LINE) for the statement at pos.
func (r *rewriter) stepAt(pos token.Pos) ast.Stmt {
	return &ast.ExprStmt{X: call(r.simSel("StepAt", pos), intLit(r.line(pos)))}
}

// unmark is sim.Unmark(), positioned at pos.
func (r *rewriter) unmark(pos token.Pos) ast.Stmt {
	return &ast.ExprStmt{X: call(r.simSel("Unmark", pos))}
}
