package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// file rewrites the whole file in place.
func (r *rewriter) file() {
	r.nameLits()
	r.findShared()
	f := r.f
	f.Name.Name = r.opts.Package
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if m, ok := mirrors[path]; ok {
			spec.Path.Value = strconv.Quote(m.path)
			if spec.Name == nil {
				spec.Name = &ast.Ident{NamePos: spec.Path.Pos(), Name: m.name}
			}
		}
	}
	if r.opts.Package == "main" && !r.opts.Library {
		r.renameMain()
	}
	var inits []string
	var mainInit []ast.Stmt
	for _, d := range f.Decls {
		switch x := d.(type) {
		case *ast.FuncDecl:
			if !r.opts.Library && x.Recv == nil && x.Name.Name == "init" {
				x.Name.Name = r.tmp()
				inits = append(inits, x.Name.Name)
			}
			r.fields(x.Recv)
			x.Type = r.expr(x.Type).(*ast.FuncType)
			r.block(x.Body)
		case *ast.GenDecl:
			if x.Tok == token.VAR && !r.opts.Library {
				mainInit = append(mainInit, r.packageVars(x)...)
			} else if x.Tok != token.IMPORT {
				r.decl(x)
			}
		}
	}
	if !r.opts.Library {
		f.Decls = append(f.Decls, r.mainFunc(mainInit, inits))
	}
	if r.usedSim {
		imp := &ast.GenDecl{Tok: token.IMPORT, Specs: []ast.Spec{&ast.ImportSpec{
			Name: ast.NewIdent(r.sim), Path: &ast.BasicLit{Kind: token.STRING, Value: `"lanes/sim"`}}}}
		f.Decls = append([]ast.Decl{imp}, f.Decls...)
	}
}

// packageVars drops the initialisers of package-level variables (a twin's
// variables are set by Main at every run) and returns the statements that
// reset them to their zero values.
func (r *rewriter) packageVars(g *ast.GenDecl) []ast.Stmt {
	var specs []ast.Spec
	var zero []ast.Stmt
	for _, spec := range g.Specs {
		vs := spec.(*ast.ValueSpec)
		for _, name := range vs.Names {
			if name.Name == "_" {
				continue
			}
			var typ ast.Expr
			if vs.Type != nil {
				typ = r.expr(vs.Type)
				vs.Type = typ // later names share the rewritten node
			} else {
				typ = r.typeExpr(r.info.Defs[name].Type(), name.Pos())
			}
			specs = append(specs, &ast.ValueSpec{Names: []*ast.Ident{name}, Type: typ})
			zero = append(zero, &ast.AssignStmt{Lhs: []ast.Expr{&ast.Ident{NamePos: name.Pos(), Name: name.Name}}, Tok: token.ASSIGN,
				Rhs: []ast.Expr{&ast.StarExpr{X: call(ast.NewIdent("new"), typ)}}})
		}
	}
	g.Specs = specs
	if len(specs) == 0 {
		// a GenDecl with no specs prints as `var ()`
		g.Specs = []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{ast.NewIdent("_")}, Type: ast.NewIdent("int")}}
	}
	if len(specs) > 1 && !g.Lparen.IsValid() {
		g.Lparen, g.Rparen = g.TokPos, g.TokPos
	}
	return zero
}

// mainFunc builds Main: reset the package variables, run their initialisers
// in Go's initialisation order, then the init functions, then main.
func (r *rewriter) mainFunc(zero []ast.Stmt, inits []string) *ast.FuncDecl {
	body := zero
	for _, in := range r.info.InitOrder {
		lhs := make([]ast.Expr, len(in.Lhs))
		for i, v := range in.Lhs {
			lhs[i] = &ast.Ident{NamePos: in.Rhs.Pos(), Name: v.Name()}
		}
		if len(lhs) == 0 { // var _ = f()
			lhs = []ast.Expr{&ast.Ident{NamePos: in.Rhs.Pos(), Name: "_"}}
		}
		body = append(body, r.step(in.Rhs.Pos()),
			&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{r.expr(in.Rhs)}})
	}
	var vars []*types.Var
	for _, name := range r.pkg.Scope().Names() {
		if v, ok := r.pkg.Scope().Lookup(name).(*types.Var); ok && name != "_" {
			vars = append(vars, v)
		}
	}
	body = append(body, r.names(vars, nil, token.NoPos)...)
	for _, name := range inits {
		body = append(body, &ast.ExprStmt{X: call(ast.NewIdent(name))})
	}
	body = append(body, &ast.ExprStmt{X: call(ast.NewIdent(r.mainName()))})
	return &ast.FuncDecl{
		Name: ast.NewIdent("Main"),
		Type: &ast.FuncType{Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{List: body},
	}
}

// mainRenamed is the name of the program's main function in a twin of
// package main (Options.Package "main"), whose own main is the
// executable's.
const mainRenamed = Prefix + "main"

// mainName is the name of the program's main function in the twin.
func (r *rewriter) mainName() string {
	if r.opts.Package == "main" {
		return mainRenamed
	}
	return "main"
}

// renameMain renames the program's main function, and every reference to
// it, for a twin of package main: there main is the executable's entry,
// which runs the twin's Main under the simulator. A twin of package main
// prints its types as Go does (main.Point, not twin.Point: %T, %#v and
// panic values name a type by its package's name).
func (r *rewriter) renameMain() {
	var fn types.Object
	for _, d := range r.f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			fn = r.info.Defs[fd.Name]
			fd.Name.Name = mainRenamed
		}
	}
	if fn == nil {
		return
	}
	for id, obj := range r.info.Uses {
		if obj == fn {
			id.Name = mainRenamed
		}
	}
}

// nameLits names every function literal like Go's runtime does, relative to
// its top-level function: func1, func2, … and func1.1 inside func1. Literals
// in package-level initialisers count together (Go's main.init.funcN).
func (r *rewriter) nameLits() {
	var walk func(root ast.Node, prefix string, n *int)
	walk = func(root ast.Node, prefix string, n *int) {
		ast.Inspect(root, func(node ast.Node) bool {
			lit, ok := node.(*ast.FuncLit)
			if !ok || node == root {
				return true
			}
			*n++
			name := fmt.Sprintf("%s%d", prefix, *n)
			r.litNames[lit] = name
			m := 0
			walk(lit.Body, name+".", &m)
			return false
		})
	}
	glob := 0
	for _, d := range r.f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			n := 0
			walk(fd, "func", &n)
		} else {
			walk(d, "func", &glob)
		}
	}
}
