package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
)

var sprintf = fmt.Sprintf

// rewriter holds the state of one rewrite.
type rewriter struct {
	fset      *token.FileSet
	f         *ast.File
	info      *types.Info
	pkg       *types.Package
	opts      Options
	sim       string            // local name of lanes/sim
	usedSim   bool              // whether the twin refers to lanes/sim
	perIter   bool              // Go 1.22+ per-iteration loop variables
	rangeFunc bool              // Go 1.23+ range over functions
	steps     bool              // insert sim.Step / sim.DeferLine
	ntmp      int               // next temporary
	imports   map[string]string // import path -> local name in the file
	litNames  map[*ast.FuncLit]string
	loops     map[*types.Var]bool // per-iteration loop variables (see loopVars)
	shared    map[*types.Var]bool // variables whose accesses are steps (shared.go); nil: none
	generated map[ast.Stmt]bool   // statements the rewriter made, which get no step of their own
	header    bool                // instrumenting an if/for/switch header statement (access.go)
	errs      []Error
}

func newRewriter(fset *token.FileSet, f *ast.File, info *types.Info, pkg *types.Package, opts Options) *rewriter {
	r := &rewriter{fset: fset, f: f, info: info, pkg: pkg, opts: opts, sim: "sim",
		steps: !opts.Library, imports: map[string]string{}, litNames: map[*ast.FuncLit]string{},
		generated: map[ast.Stmt]bool{}}
	for id, obj := range info.Defs {
		if id.Name == "sim" && obj != nil {
			r.sim = Prefix + "sim"
		}
	}
	v := info.FileVersions[f]
	r.perIter = v == "" || versionAtLeast(v, "go1.22")
	r.rangeFunc = v == "" || versionAtLeast(v, "go1.23")
	for _, spec := range f.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if obj := info.PkgNameOf(spec); obj != nil {
			r.imports[path] = obj.Name()
		}
	}
	return r
}

func (r *rewriter) fail(pos token.Pos, format string, args ...any) {
	r.errs = append(r.errs, Error{r.fset.Position(pos), sprintf(format, args...)})
}

func (r *rewriter) tmp() string {
	name := sprintf("%s%d", Prefix, r.ntmp)
	r.ntmp++
	return name
}

// line is the shown file's line of pos.
func (r *rewriter) line(pos token.Pos) int { return r.fset.PositionFor(pos, false).Line }

// simSel is sim.name, positioned at pos so that //line directives follow it.
func (r *rewriter) simSel(name string, pos token.Pos) *ast.SelectorExpr {
	r.usedSim = true
	return &ast.SelectorExpr{X: &ast.Ident{NamePos: pos, Name: r.sim}, Sel: ast.NewIdent(name)}
}

func intLit(n int) *ast.BasicLit { return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)} }

func call(fun ast.Expr, args ...ast.Expr) *ast.CallExpr { return &ast.CallExpr{Fun: fun, Args: args} }

// method is x.name(args…), with x parenthesised when needed.
func method(x ast.Expr, name string, args ...ast.Expr) *ast.CallExpr {
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr,
		*ast.ParenExpr, *ast.TypeAssertExpr, *ast.SliceExpr:
	default:
		x = &ast.ParenExpr{X: x}
	}
	return call(&ast.SelectorExpr{X: x, Sel: ast.NewIdent(name)}, args...)
}

// builtin returns the name of the builtin fun refers to, or "".
func (r *rewriter) builtin(fun ast.Expr) string {
	if id, ok := ast.Unparen(fun).(*ast.Ident); ok {
		if b, ok := r.info.Uses[id].(*types.Builtin); ok {
			return b.Name()
		}
	}
	return ""
}

// isChan reports whether e is a channel value; channels typed by a type
// parameter are refused.
func (r *rewriter) isChan(e ast.Expr) bool {
	t := r.info.TypeOf(e)
	if t == nil {
		return false
	}
	if tp, ok := t.(*types.TypeParam); ok {
		if typeSetHasChan(tp) {
			r.fail(e.Pos(), "a channel operation on a value of type parameter %s is not supported yet", tp.Obj().Name())
		}
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// chanOperand rewrites the channel operand of a channel operation.
func (r *rewriter) chanOperand(e ast.Expr) ast.Expr {
	r.isChan(e)
	return r.expr(e)
}

// typeExpr spells t in the twin (channel types rewritten).
func (r *rewriter) typeExpr(t types.Type, pos token.Pos) ast.Expr {
	bad := false
	s := types.TypeString(t, func(p *types.Package) string {
		if p == r.pkg {
			return ""
		}
		if name, ok := r.imports[p.Path()]; ok {
			return name
		}
		bad = true
		return p.Name()
	})
	e, err := parser.ParseExpr(s)
	if err != nil || bad {
		r.fail(pos, "a value of type %s here is not supported yet", s)
		return ast.NewIdent("int")
	}
	stripPos(e)
	return r.expr(e)
}

// stripPos clears every position in n (for nodes parsed from generated text).
func stripPos(n ast.Node) {
	posType := reflect.TypeOf(token.NoPos)
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		v := reflect.ValueOf(n).Elem()
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Type() == posType && f.CanSet() {
				f.SetInt(0)
			}
		}
		return true
	})
}

// expr rewrites e and returns its replacement.
func (r *rewriter) expr(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case nil:
		return nil
	case *ast.ChanType:
		return &ast.StarExpr{Star: x.Begin, X: &ast.IndexExpr{X: r.simSel("Chan", x.Begin), Index: r.expr(x.Value)}}
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			return method(r.chanOperand(x.X), "Recv")
		}
		x.X = r.expr(x.X)
	case *ast.CallExpr:
		return r.call(x)
	case *ast.FuncLit:
		x.Type = r.expr(x.Type).(*ast.FuncType)
		r.block(x.Body)
	case *ast.CompositeLit:
		x.Type = r.expr(x.Type)
		r.exprs(x.Elts)
	case *ast.ParenExpr:
		x.X = r.expr(x.X)
	case *ast.SelectorExpr:
		x.X = r.expr(x.X)
	case *ast.IndexExpr:
		x.X, x.Index = r.expr(x.X), r.expr(x.Index)
	case *ast.IndexListExpr:
		x.X = r.expr(x.X)
		r.exprs(x.Indices)
	case *ast.SliceExpr:
		x.X, x.Low, x.High, x.Max = r.expr(x.X), r.expr(x.Low), r.expr(x.High), r.expr(x.Max)
	case *ast.TypeAssertExpr:
		x.X, x.Type = r.expr(x.X), r.expr(x.Type)
	case *ast.StarExpr:
		x.X = r.expr(x.X)
	case *ast.BinaryExpr:
		x.X, x.Y = r.expr(x.X), r.expr(x.Y)
	case *ast.KeyValueExpr:
		x.Key, x.Value = r.expr(x.Key), r.expr(x.Value)
	case *ast.ArrayType:
		x.Len, x.Elt = r.expr(x.Len), r.expr(x.Elt)
	case *ast.MapType:
		x.Key, x.Value = r.expr(x.Key), r.expr(x.Value)
	case *ast.StructType:
		r.fields(x.Fields)
	case *ast.FuncType:
		r.fields(x.TypeParams)
		r.fields(x.Params)
		r.fields(x.Results)
	case *ast.InterfaceType:
		r.fields(x.Methods)
	case *ast.Ellipsis:
		x.Elt = r.expr(x.Elt)
	}
	return e
}

func (r *rewriter) exprs(list []ast.Expr) {
	for i, e := range list {
		list[i] = r.expr(e)
	}
}

func (r *rewriter) fields(fl *ast.FieldList) {
	if fl == nil {
		return
	}
	for _, f := range fl.List {
		f.Type = r.expr(f.Type)
	}
}

// call rewrites calls of the channel builtins, panic and recover.
func (r *rewriter) call(x *ast.CallExpr) ast.Expr {
	switch r.builtin(x.Fun) {
	case "close":
		return method(r.chanOperand(x.Args[0]), "Close")
	case "len", "cap":
		if r.isChan(x.Args[0]) {
			name := map[string]string{"len": "Len", "cap": "Cap"}[r.builtin(x.Fun)]
			return method(r.expr(x.Args[0]), name)
		}
	case "make":
		if r.isChan(x.Args[0]) {
			return r.makeChan(x)
		}
	case "panic":
		return call(r.simSel("Panic", x.Pos()), r.expr(x.Args[0]))
	case "recover":
		return call(r.simSel("Recover", x.Pos()), x)
	}
	if _, ok := x.Fun.(*ast.ChanType); ok { // a conversion: (*sim.Chan[T])(v)
		x.Fun = &ast.ParenExpr{X: r.expr(x.Fun)}
	} else {
		x.Fun = r.expr(x.Fun)
	}
	r.exprs(x.Args)
	return x
}

// makeChan rewrites make(chan T[, n]) to sim.MakeChan[T](n).
func (r *rewriter) makeChan(x *ast.CallExpr) ast.Expr {
	var elem ast.Expr
	if ct, ok := ast.Unparen(x.Args[0]).(*ast.ChanType); ok {
		elem = r.expr(ct.Value)
	} else {
		elem = r.typeExpr(r.info.TypeOf(x.Args[0]).Underlying().(*types.Chan).Elem(), x.Pos())
	}
	var size ast.Expr = intLit(0)
	if len(x.Args) > 1 {
		size = r.expr(x.Args[1])
		if t, ok := r.info.TypeOf(x.Args[1]).(*types.Basic); !ok || (t.Kind() != types.Int && t.Info()&types.IsUntyped == 0) {
			size = call(ast.NewIdent("int"), size)
		}
	}
	return call(&ast.IndexExpr{X: r.simSel("MakeChan", x.Pos()), Index: elem}, size)
}

// typeSetHasChan reports whether a channel type is in tp's type set.
func typeSetHasChan(tp *types.TypeParam) bool {
	iface, ok := tp.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := 0; j < e.Len(); j++ {
				if _, ok := e.Term(j).Type().Underlying().(*types.Chan); ok {
					return true
				}
			}
		default:
			if _, ok := e.Underlying().(*types.Chan); ok {
				return true
			}
		}
	}
	return false
}
