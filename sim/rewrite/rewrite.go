package rewrite

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/format"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"go/types"
	"go/version"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Prefix starts every name the rewriter generates. Programs that use it are refused.
const Prefix = "_l"

// maxErrors bounds the errors reported for one file, as the go command does.
const maxErrors = 10

// Options control a rewrite.
type Options struct {
	// Package is the twin's package name: "twin" by default, or the original
	// package name in Library mode. "main" makes a twin that is part of an
	// executable's main package (its types then print as main.T, as Go's
	// do); the program's main function is renamed _lmain.
	Package string
	// Filename is the shown file's name, used in //line directives and error
	// positions. Default: the base name of the filename argument.
	Filename string
	// Library rewrites a non-main package (such as x/sync's errgroup.go): no
	// Main, package variables and init functions are kept as they are, and no
	// sim.Step/sim.DeferLine calls are inserted (a library's lines are not the
	// shown program's lines).
	Library bool
	// Dir is where imports are resolved: a directory inside a module that
	// requires golang.org/x/sync. Default: the current directory.
	Dir string
}

// Error is one problem found in the shown file.
type Error struct {
	Pos token.Position
	Msg string
}

func (e Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList holds the first problems found, sorted by position.
type ErrorList []Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func errorList(errs []Error) error {
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].Pos, errs[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	if len(errs) > maxErrors {
		errs = errs[:maxErrors]
	}
	return ErrorList(errs)
}

// Rewrite turns the plain Go program src (read from filename) into its
// instrumented twin. See the package documentation for what is rewritten.
func Rewrite(filename string, src []byte, opts Options) ([]byte, error) {
	if opts.Filename == "" {
		opts.Filename = filepath.Base(filename)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, opts.Filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		var errs []Error
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				errs = append(errs, Error{e.Pos, e.Msg})
			}
			return nil, errorList(errs)
		}
		return nil, err
	}
	if opts.Package == "" {
		opts.Package = "twin"
		if opts.Library {
			opts.Package = f.Name.Name
		}
	}
	if errs := checkSyntax(fset, f, opts); len(errs) > 0 {
		return nil, errorList(errs)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, errs := typeCheck(fset, f, info, opts.Dir)
	if len(errs) > 0 {
		return nil, errorList(errs)
	}
	r := newRewriter(fset, f, info, pkg, opts)
	if errs := r.checkTypes(); len(errs) > 0 {
		return nil, errorList(errs)
	}
	r.file()
	if len(r.errs) > 0 {
		return nil, errorList(r.errs)
	}
	return r.print()
}

// typeCheck checks the original file against the real packages.
func typeCheck(fset *token.FileSet, f *ast.File, info *types.Info, dir string) (*types.Package, []Error) {
	ci := importerFor(dir)
	ci.mu.Lock()
	defer ci.mu.Unlock()
	var errs []Error
	conf := types.Config{
		Importer:  ci,
		GoVersion: version.Lang(runtime.Version()),
		Error: func(err error) {
			if e, ok := err.(types.Error); ok {
				errs = append(errs, Error{e.Fset.Position(e.Pos), e.Msg})
			} else {
				errs = append(errs, Error{Msg: err.Error()})
			}
		},
	}
	if conf.GoVersion == "" { // a development toolchain
		conf.GoVersion = "go1.26"
	}
	pkg, _ := conf.Check(f.Name.Name, fset, []*ast.File{f}, info)
	return pkg, errs
}

// buildLine returns the twin's //go:build line: the shown file's Go version
// constraint, if it has one (other build tags such as "ignore" are dropped).
func buildLine(f *ast.File) string {
	for _, g := range f.Comments {
		if g.Pos() > f.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			if expr, err := constraint.Parse(c.Text); err == nil {
				if v := constraint.GoVersion(expr); v != "" {
					return "//go:build " + v + "\n\n"
				}
			}
		}
	}
	return ""
}

// print renders the rewritten file with //line directives and gofmt.
func (r *rewriter) print() ([]byte, error) {
	build := buildLine(r.f)
	r.f.Comments = nil
	r.f.Doc = nil
	var buf bytes.Buffer
	buf.WriteString(build)
	fmt.Fprintf(&buf, "// Code generated by lanes rewrite from %s; DO NOT EDIT.\n\n", r.opts.Filename)
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent | printer.SourcePos, Tabwidth: 8}
	if err := cfg.Fprint(&buf, r.fset, r.f); err != nil {
		return nil, err
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: internal error: rewritten program does not parse: %w", r.opts.Filename, err)
	}
	return out, nil
}
