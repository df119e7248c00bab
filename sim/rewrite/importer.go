package rewrite

import (
	"bufio"
	"bytes"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// cachedImporter type-checks programs against the real packages' export data.
// It runs `go list -deps -export` once for every supported package and keeps
// the imported packages for all later calls. Imports are not safe for
// concurrent use, so whole type-checks hold mu.
type cachedImporter struct {
	mu      sync.Mutex
	dir     string
	exports map[string]string // import path -> export data file
	err     error
	imp     types.ImporterFrom
}

var (
	importersMu sync.Mutex
	importers   = map[string]*cachedImporter{} // by directory
)

// importerFor returns the shared importer that resolves packages in dir
// ("" is the current directory).
func importerFor(dir string) *cachedImporter {
	importersMu.Lock()
	defer importersMu.Unlock()
	ci := importers[dir]
	if ci == nil {
		ci = &cachedImporter{dir: dir}
		importers[dir] = ci
	}
	return ci
}

// load runs go list once. Callers hold ci.mu.
func (ci *cachedImporter) load() error {
	if ci.exports != nil || ci.err != nil {
		return ci.err
	}
	var paths []string
	for p := range pure {
		paths = append(paths, p)
	}
	for p := range mirrors {
		paths = append(paths, p)
	}
	exports, err := goListExports(ci.dir, paths)
	if err != nil {
		// Outside a module that requires golang.org/x/sync: the standard
		// library alone still works.
		var std []string
		for _, p := range paths {
			if !strings.Contains(p, ".") {
				std = append(std, p)
			}
		}
		exports, err = goListExports(ci.dir, std)
	}
	if err != nil {
		ci.err = err
		return err
	}
	ci.exports = exports
	ci.imp = importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		f, ok := ci.exports[path]
		if !ok || f == "" {
			return nil, fmt.Errorf("no export data for %q", path)
		}
		return os.Open(f)
	}).(types.ImporterFrom)
	return nil
}

func goListExports(dir string, paths []string) (map[string]string, error) {
	args := append([]string{"list", "-deps", "-export", "-f", "{{.ImportPath}} {{.Export}}"}, paths...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	exports := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if path, file, ok := strings.Cut(sc.Text(), " "); ok {
			exports[path] = file
		}
	}
	return exports, nil
}

// Import implements types.Importer. Callers hold ci.mu.
func (ci *cachedImporter) Import(path string) (*types.Package, error) {
	if err := ci.load(); err != nil {
		return nil, err
	}
	return ci.imp.ImportFrom(path, ci.dir, 0)
}
