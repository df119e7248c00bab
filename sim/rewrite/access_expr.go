package rewrite

// The expressions of access.go's rewrites: whether an expression may be
// evaluated twice (pure), copied with its type information (clone), the
// address of a shared place (place) and a read of it (rval).

import (
	"go/ast"
	"go/token"
	"go/types"
)

// pure reports whether e can be evaluated twice with the same result and
// no side effect.
func (r *rewriter) pure(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return r.pure(x.X)
	case *ast.StarExpr:
		return r.pure(x.X)
	case *ast.SelectorExpr:
		return r.pure(x.X)
	case *ast.IndexExpr:
		return r.pure(x.X) && r.pure(x.Index)
	}
	return false
}

// clone copies a pure expression with its type information.
func (r *rewriter) clone(e ast.Expr) ast.Expr {
	var c ast.Expr
	switch x := e.(type) {
	case *ast.Ident:
		n := *x
		if o := r.info.Uses[x]; o != nil {
			r.info.Uses[&n] = o
		}
		c = &n
	case *ast.BasicLit:
		n := *x
		c = &n
	case *ast.ParenExpr:
		c = &ast.ParenExpr{Lparen: x.Lparen, X: r.clone(x.X), Rparen: x.Rparen}
	case *ast.StarExpr:
		c = &ast.StarExpr{Star: x.Star, X: r.clone(x.X)}
	case *ast.SelectorExpr:
		n := &ast.SelectorExpr{X: r.clone(x.X), Sel: r.clone(x.Sel).(*ast.Ident)}
		if s, ok := r.info.Selections[x]; ok {
			r.info.Selections[n] = s
		}
		c = n
	case *ast.IndexExpr:
		c = &ast.IndexExpr{X: r.clone(x.X), Lbrack: x.Lbrack, Index: r.clone(x.Index), Rbrack: x.Rbrack}
	default:
		return e
	}
	if tv, ok := r.info.Types[e]; ok {
		r.info.Types[c] = tv
	}
	return c
}

// place rewrites what e's location depends on (pointers read, indices),
// not e itself: for the operand of &, a method's pointer receiver, the
// left side of an assignment.
func (r *rewriter) place(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.ParenExpr:
		x.X = r.place(x.X)
	case *ast.StarExpr:
		x.X = r.rval(x.X)
	case *ast.SelectorExpr:
		if _, ok := r.info.Selections[x]; !ok {
			return e
		}
		if _, ptr := r.under(x.X).(*types.Pointer); ptr {
			x.X = r.rval(x.X)
		} else {
			x.X = r.place(x.X)
		}
	case *ast.IndexExpr:
		if _, ok := r.under(x.X).(*types.Array); ok {
			x.X = r.place(x.X)
		} else {
			x.X = r.rval(x.X)
		}
		x.Index = r.rval(x.Index)
	case *ast.Ident:
	default:
		return r.rval(e)
	}
	return e
}

// rval rewrites e read as a value.
func (r *rewriter) rval(e ast.Expr) ast.Expr {
	if e == nil {
		return nil
	}
	if tv, ok := r.info.Types[e]; ok && tv.IsType() {
		return e
	}
	if r.sharedPlace(e) {
		return r.load(e)
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		x.X = r.rval(x.X)
	case *ast.SelectorExpr:
		sel, ok := r.info.Selections[x]
		switch {
		case !ok || sel.Kind() == types.MethodExpr:
		case r.ptrMethodOnValue(x):
			x.X = r.place(x.X)
		default:
			x.X = r.rval(x.X)
		}
	case *ast.IndexExpr:
		if r.isMap(x.X) {
			c := call(r.simSel("MapLoad", x.Pos()), r.rval(x.X), r.rval(x.Index), strLit(r.name(x.X)))
			r.info.Types[c] = types.TypeAndValue{Type: r.info.TypeOf(x)}
			return c
		}
		x.X, x.Index = r.rval(x.X), r.rval(x.Index)
	case *ast.SliceExpr:
		if _, ok := r.under(x.X).(*types.Array); ok {
			x.X = r.place(x.X)
		} else {
			x.X = r.rval(x.X)
		}
		x.Low, x.High, x.Max = r.rval(x.Low), r.rval(x.High), r.rval(x.Max)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			x.X = r.place(x.X)
		} else {
			x.X = r.rval(x.X)
		}
	case *ast.BinaryExpr:
		x.X, x.Y = r.rval(x.X), r.rval(x.Y)
	case *ast.CallExpr:
		if tv, ok := r.info.Types[x.Fun]; ok && tv.IsType() {
			r.rvals(x.Args)
			return e
		}
		switch r.builtin(x.Fun) {
		case "new", "make":
			if len(x.Args) > 1 {
				r.rvals(x.Args[1:])
			}
			return e
		case "copy", "clear":
			if c := r.copyClear(x); c != nil {
				return c
			}
		case "":
			x.Fun = r.rval(x.Fun)
		}
		r.rvals(x.Args)
	case *ast.CompositeLit:
		_, isStruct := r.under(x).(*types.Struct)
		for i, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if !isStruct {
					kv.Key = r.rval(kv.Key)
				}
				kv.Value = r.rval(kv.Value)
			} else {
				x.Elts[i] = r.rval(el)
			}
		}
	case *ast.TypeAssertExpr:
		x.X = r.rval(x.X)
	}
	return e
}
