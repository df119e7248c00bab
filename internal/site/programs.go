package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"lanes/internal/progbuild"
)

// LoadPrograms reads an author's programs for `lanes serve -programs DIR`:
// every DIR/NAME.go (not _test.go) becomes the page /p/NAME (and
// /embed/p/NAME). A name must match course.ProgramIDPattern, and a
// program must pass progbuild.Check; otherwise the error names the file.
func LoadPrograms(dir string) (map[string]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	progs := map[string]string{}
	for _, f := range files {
		base := filepath.Base(f)
		if strings.HasSuffix(base, "_test.go") {
			continue
		}
		name := strings.TrimSuffix(base, ".go")
		if !snippetID.MatchString(name) {
			return nil, fmt.Errorf("%s: a program's name is letters, digits, - and _ (it is its page's address, /p/NAME)", f)
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := progbuild.Check("main.go", src); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		progs[name] = string(src)
	}
	if len(progs) == 0 {
		return nil, fmt.Errorf("%s holds no Go program (*.go)", dir)
	}
	return progs, nil
}
