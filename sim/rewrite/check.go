package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// checkSyntax refuses what can be seen without types: the package clause,
// imports, goto, and names that clash with generated ones.
func checkSyntax(fset *token.FileSet, f *ast.File, opts Options) []Error {
	var errs []Error
	fail := func(pos token.Pos, format string, args ...any) {
		errs = append(errs, Error{fset.Position(pos), sprintf(format, args...)})
	}
	if !opts.Library && f.Name.Name != "main" {
		fail(f.Name.Pos(), "package %s (a program is package main) is not supported yet", f.Name.Name)
	}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || !supported(path) {
			fail(spec.Path.Pos(), "import %s is not supported yet", spec.Path.Value)
			continue
		}
		if spec.Name != nil && spec.Name.Name == "." {
			fail(spec.Name.Pos(), "dot import of %s is not supported yet", spec.Path.Value)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			if strings.HasPrefix(x.Name, Prefix) {
				fail(x.Pos(), "identifier %s (the prefix %s is reserved for the rewriter) is not supported yet", x.Name, Prefix)
			}
		case *ast.BranchStmt:
			if x.Tok == token.GOTO {
				fail(x.Pos(), "goto is not supported yet")
			}
		}
		return true
	})
	return errs
}

// checkTypes refuses constructs that need types to be recognised.
func (r *rewriter) checkTypes() []Error {
	ast.Inspect(r.f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			obj := r.info.Uses[x]
			if b, ok := obj.(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
				r.fail(x.Pos(), "builtin %s is not supported yet", b.Name())
			}
		case *ast.GoStmt:
			if b := r.builtin(x.Call.Fun); b != "" {
				r.fail(x.Call.Pos(), "go statement calling builtin %s is not supported yet", b)
			}
		case *ast.DeferStmt:
			if r.builtin(x.Call.Fun) == "recover" {
				r.fail(x.Call.Pos(), "defer recover() is not supported yet")
			}
		case *ast.TypeAssertExpr:
			if x.Type != nil && hasDirectionalChan(x.Type) {
				r.fail(x.Type.Pos(), "type assertion to a directional channel type is not supported yet")
			}
		case *ast.TypeSwitchStmt:
			for _, c := range x.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					if hasDirectionalChan(e) {
						r.fail(e.Pos(), "type switch case with a directional channel type is not supported yet")
					}
				}
			}
		case *ast.FuncDecl:
			if x.Recv != nil && len(x.Recv.List) == 1 {
				if t := r.info.TypeOf(x.Recv.List[0].Type); t != nil && isChanType(t) {
					r.fail(x.Name.Pos(), "a method on a channel type is not supported yet")
				}
			}
		case *ast.TypeSpec:
			if x.TypeParams != nil && x.Assign == 0 {
				if obj := r.info.Defs[x.Name]; obj != nil && isChanType(obj.Type()) {
					r.fail(x.Name.Pos(), "a generic channel type is not supported yet")
				}
			}
		}
		return true
	})
	r.checkMirrored()
	if obj := r.pkg.Scope().Lookup("Main"); obj != nil && !r.opts.Library {
		r.fail(obj.Pos(), "a top-level name Main is not supported yet")
	}
	errs := r.errs
	r.errs = nil
	return dedup(errs)
}

func dedup(errs []Error) []Error {
	seen := map[Error]bool{}
	var out []Error
	for _, e := range errs {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// isChanType reports whether t's underlying type is a channel.
func isChanType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

func hasDirectionalChan(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.ChanType); ok && c.Dir != ast.SEND|ast.RECV {
			found = true
		}
		return !found
	})
	return found
}
