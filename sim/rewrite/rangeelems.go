package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// rangeElems rewrites a range loop over a slice (or a pointer to an
// array) whose value variable is used, so that each iteration's read of
// the element is a step (memory reached through a slice is shared, and
// another goroutine may write the element meanwhile):
//
//	for i, v := range s { body }
//	{ _l0 := s; for _l1 := range _l0 { i, v := _l1, sim.LoadAt(&_l0[_l1], "s[i]", L); { body } } }
//
// The slice is evaluated once, as range does; the body keeps its own block,
// so that it may still declare i or v anew. In a file with pre-1.22 loop
// variables the variables are declared once, before the loop, and
// assigned each iteration (`i, v = …`, a step for each if they are shared);
// for i, v = range s assigns as well. name is how the program spells s. It
// returns nil for any other loop.
func (r *rewriter) rangeElems(x *ast.RangeStmt, name string) ast.Stmt {
	if x.Value == nil || isBlank(x.Value) {
		return nil
	}
	switch t := r.under(x.X).(type) {
	case *types.Slice:
	case *types.Pointer:
		if _, ok := t.Elem().Underlying().(*types.Array); !ok {
			return nil
		}
	default:
		return nil
	}
	pos := x.For
	gen := func(s ast.Stmt) ast.Stmt { r.generated[s] = true; return s }
	s, i := r.tmp(), r.tmp()
	key := "_"
	if x.Key != nil && !isBlank(x.Key) {
		key = r.name(x.Key)
	}
	elem := call(r.simSel("LoadAt", x.Value.Pos()),
		&ast.UnaryExpr{OpPos: pos, Op: token.AND, X: &ast.IndexExpr{X: ast.NewIdent(s), Index: ast.NewIdent(i)}},
		strLit(name+"["+key+"]"), intLit(r.line(pos)))
	keyExpr := x.Key
	if keyExpr == nil {
		keyExpr = &ast.Ident{NamePos: pos, Name: "_"}
	}
	var pre, vars []ast.Stmt
	if x.Tok == token.DEFINE && !r.perIter {
		// One pair of variables for the whole loop, declared before it and
		// written each iteration (a step each if shared).
		for _, kv := range []struct{ e, val ast.Expr }{{x.Key, ast.NewIdent(i)}, {x.Value, elem}} {
			id, ok := kv.e.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			v, ok := r.info.Defs[id].(*types.Var)
			if !ok {
				continue
			}
			pre = append(pre, gen(&ast.DeclStmt{Decl: &ast.GenDecl{TokPos: pos, Tok: token.VAR, Specs: []ast.Spec{
				&ast.ValueSpec{Names: []*ast.Ident{{NamePos: pos, Name: id.Name}}, Type: r.typeExpr(v.Type(), pos)}}}}))
			if r.shared[v] {
				vars = append(vars, gen(&ast.ExprStmt{X: call(r.simSel("Store", id.Pos()),
					&ast.UnaryExpr{OpPos: id.Pos(), Op: token.AND, X: ast.NewIdent(id.Name)}, kv.val, strLit(id.Name))}))
			} else {
				vars = append(vars, gen(&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent(id.Name)}, TokPos: pos, Tok: token.ASSIGN, Rhs: []ast.Expr{kv.val}}))
			}
		}
	} else {
		keyExpr := x.Key
		if keyExpr == nil {
			keyExpr = &ast.Ident{NamePos: pos, Name: "_"}
		}
		vars = append(vars, gen(&ast.AssignStmt{Lhs: []ast.Expr{keyExpr, x.Value}, TokPos: pos, Tok: x.Tok,
			Rhs: []ast.Expr{&ast.Ident{NamePos: pos, Name: i}, elem}}))
	}
	r.generated[x.Body] = true // the loop's own body: no step of its own
	body := &ast.BlockStmt{Lbrace: x.Body.Lbrace, List: append(vars, x.Body), Rbrace: x.Body.Rbrace}
	loop := gen(&ast.RangeStmt{For: pos, Key: ast.NewIdent(i), Tok: token.DEFINE, X: ast.NewIdent(s), Body: body})
	pre = append(pre, gen(defineN(pos, []string{s}, x.X)), loop)
	return &ast.BlockStmt{Lbrace: pos, List: pre, Rbrace: pos}
}

// copyClear is copy(dst, src) on two slices, or clear(x) on a slice or a
// map, as the simulator's step (sim.Copy, sim.ClearSlice, sim.ClearMap),
// or nil for any other use of the builtins (copy from a string).
func (r *rewriter) copyClear(x *ast.CallExpr) ast.Expr {
	isSlice := func(e ast.Expr) bool { _, ok := r.under(e).(*types.Slice); return ok }
	var c *ast.CallExpr
	switch {
	case r.builtin(x.Fun) == "copy" && len(x.Args) == 2 && isSlice(x.Args[0]) && isSlice(x.Args[1]):
		d, s := strLit(r.name(x.Args[0])), strLit(r.name(x.Args[1]))
		c = call(r.simSel("Copy", x.Pos()), r.rval(x.Args[0]), r.rval(x.Args[1]), d, s)
	case r.builtin(x.Fun) == "clear" && len(x.Args) == 1 && isSlice(x.Args[0]):
		n := strLit(r.name(x.Args[0]))
		c = call(r.simSel("ClearSlice", x.Pos()), r.rval(x.Args[0]), n)
	case r.builtin(x.Fun) == "clear" && len(x.Args) == 1 && r.isMap(x.Args[0]):
		n := strLit(r.name(x.Args[0]))
		c = call(r.simSel("ClearMap", x.Pos()), r.rval(x.Args[0]), n)
	default:
		return nil
	}
	if tv, ok := r.info.Types[x]; ok {
		r.info.Types[c] = tv
	}
	return c
}
