package twinbuild

import (
	"errors"

	"lanes/sim/rewrite"
)

// What other builders of twins (internal/progbuild: program modules for
// the browser) share with Build.

// OverlayDir is where, relative to the repository root, a twin's main
// package seems to be while it builds; its twin is the package
// OverlayDir+"/twin" ("lanes/internal/twinbuild/overlay/twin").
const OverlayDir = overlayDir

// RewriteProgram rewrites the program src, shown as name, into its twin
// (package twin), resolving imports in root. A problem with the program
// is a *ProgramError, as Build reports it.
func RewriteProgram(root, name string, src []byte) ([]byte, error) {
	twin, err := rewrite.Rewrite(name, src, rewrite.Options{Dir: root})
	if err != nil {
		var el rewrite.ErrorList
		var e rewrite.Error
		if errors.As(err, &el) || errors.As(err, &e) {
			return nil, programError(err.Error())
		}
		return nil, err
	}
	return twin, nil
}

// CompileError is the *ProgramError of the go command's output out when
// a twin built in root does not compile, as Build reports it.
func CompileError(out, root, name string) *ProgramError {
	return programError(compileMessage(out, root, name))
}
