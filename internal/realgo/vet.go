package realgo

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Finding is one `go vet` diagnostic.
type Finding struct {
	File    string // base name of the file
	Line    int
	Col     int
	Message string // e.g. "WaitGroup.Add called from inside new goroutine"
}

var findingRE = regexp.MustCompile(`^(.+?\.go):(\d+):(\d+): (.*)$`)

// Vet runs `go vet` (the default analyzers of the installed toolchain) on
// the program at path (a .go file or a package directory) and returns its
// findings. A clean program gives none; a program vet cannot check (for
// instance a compile error) is an error.
func Vet(path string) ([]Finding, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	dir, target := abs, "."
	if strings.HasSuffix(abs, ".go") {
		dir, target = filepath.Dir(abs), filepath.Base(abs)
	}
	cmd := exec.Command("go", "vet", target)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var fs []Finding
	var other []string
	for _, line := range strings.Split(string(out), "\n") {
		m := findingRE.FindStringSubmatch(line)
		switch {
		case m != nil && !strings.HasPrefix(line, "vet: "): // "vet: " marks type errors
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			fs = append(fs, Finding{File: filepath.Base(m[1]), Line: ln, Col: col, Message: m[4]})
		case line != "" && !strings.HasPrefix(line, "#"):
			other = append(other, line)
		}
	}
	var exitErr *exec.ExitError
	if err != nil && (!errors.As(err, &exitErr) || len(fs) == 0 || len(other) > 0) {
		return fs, fmt.Errorf("realgo: go vet %s: %w\n%s", path, err, out)
	}
	return fs, nil
}
