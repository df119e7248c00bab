package rewrite

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"
)

// Members of mirrored packages.
//
// A program is type-checked against the real packages, but its twin is
// compiled against the mirrors (lanes/sim/os for os, …), which have only
// part of each real package. A use of a member the mirror lacks — a
// package-level name (os.ReadFile), or a method or field of one of the
// package's types (os.File.Fd) — is refused, at the use, with
// "os.ReadFile is not supported yet" rather than left for the compiler to
// report as "undefined: os.ReadFile". mirror_members.go lists what each
// mirror has; a test keeps it in step with the mirrors (go test
// ./sim/rewrite -run TestMirrorMembers -update rewrites it).

// SupportedHint says where the list of what a program may use lives, for
// messages that refuse a program.
const SupportedHint = "what Lanes supports: docs/cli.md (\"What a program may use\"), or `go doc lanes/sim/rewrite`"

// IsUnsupported reports whether err refuses the program for using
// something not supported yet (rather than for not compiling).
func IsUnsupported(err error) bool {
	return err != nil && strings.Contains(err.Error(), " is not supported yet")
}

var (
	membersOnce sync.Once
	members     map[string]map[string]bool // real import path -> names the mirror has
)

// mirrorHas reports whether the mirror of the real package path has the
// member name ("ReadFile", or "File.Fd" for a method or field).
func mirrorHas(path, name string) bool {
	membersOnce.Do(func() {
		members = map[string]map[string]bool{}
		for p, list := range mirrorMembers {
			set := map[string]bool{}
			for _, n := range strings.Fields(list) {
				set[n] = true
			}
			members[p] = set
		}
	})
	set, ok := members[path]
	return !ok || set[name]
}

// checkMirrored refuses every use of a member of a mirrored package that
// its mirror lacks.
func (r *rewriter) checkMirrored() {
	ast.Inspect(r.f, func(n ast.Node) bool {
		x, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		obj := r.info.Uses[x.Sel]
		if obj == nil || obj.Pkg() == nil || !obj.Exported() {
			return true
		}
		path := obj.Pkg().Path()
		if _, mirrored := mirrors[path]; !mirrored {
			return true
		}
		if sel, ok := r.info.Selections[x]; ok {
			owner := ownerOf(sel)
			if owner == nil || owner.Pkg() == nil || owner.Pkg().Path() != path {
				return true
			}
			if name := owner.Name() + "." + obj.Name(); !mirrorHas(path, name) {
				r.fail(x.Sel.Pos(), "%s.%s is not supported yet", obj.Pkg().Name(), name)
			}
			return true
		}
		if obj.Parent() == obj.Pkg().Scope() && !mirrorHas(path, obj.Name()) {
			r.fail(x.Sel.Pos(), "%s.%s is not supported yet", obj.Pkg().Name(), obj.Name())
		}
		return true
	})
}

// ownerOf returns the named type that declares the field or method sel
// selects: the method's receiver, or the struct the field is in (found by
// following embedded fields).
func ownerOf(sel *types.Selection) *types.TypeName {
	if f, ok := sel.Obj().(*types.Func); ok {
		if recv := f.Signature().Recv(); recv != nil {
			if n := namedOf(recv.Type()); n != nil {
				return n
			}
		}
	}
	t := sel.Recv()
	var owner *types.TypeName
	idx := sel.Index()
	for i, k := range idx {
		if n := namedOf(t); n != nil {
			owner = n
		}
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok || i == len(idx)-1 || k >= st.NumFields() {
			break
		}
		t = st.Field(k).Type()
	}
	return owner
}

// namedOf returns the name of t (or of what t points to), if it has one.
func namedOf(t types.Type) *types.TypeName {
	switch t := types.Unalias(deref(t)).(type) {
	case *types.Named:
		return t.Obj()
	}
	return nil
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// PublicNames rewrites a message about a twin (a compiler's, a vet's) to
// name the packages the program imports rather than their mirrors:
// "lanes/sim/os.File" becomes "os.File", "lanes/sim.Chan" becomes
// "sim.Chan".
func PublicNames(msg string) string {
	if !strings.Contains(msg, "lanes/sim") {
		return msg
	}
	var reals []string
	for real := range mirrors {
		reals = append(reals, real)
	}
	// Longest mirror path first: lanes/sim/errgroup is not lanes/sim.
	slices.SortFunc(reals, func(a, b string) int { return len(mirrors[b].path) - len(mirrors[a].path) })
	var olds []string
	for _, real := range reals {
		olds = append(olds, mirrors[real].path, real)
	}
	olds = append(olds, "lanes/sim", "sim")
	return strings.NewReplacer(olds...).Replace(msg)
}
