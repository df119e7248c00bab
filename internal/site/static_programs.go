package site

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"lanes/course"
	"lanes/sim/trace"
)

// ProgramModule builds a program's module and returns its key and the
// path of its module.wasm (progbuild.Service.Build, in package main).
type ProgramModule func(name, src string) (key, path string, err error)

// Still is a program's still for the export (StillOf): its first run's
// trace as JSON, or the message in its place.
type Still struct {
	Trace []byte
	Msg   string
}

// programPages are the pages of the export's programs: /p/NAME and
// /embed/p/NAME for each, in order.
func programPages(progs map[string]string) []string {
	names := make([]string, 0, len(progs))
	for n := range progs {
		names = append(names, n)
	}
	slices.Sort(names)
	var pages []string
	for _, n := range names {
		pages = append(pages, "/p/"+n, "/embed/p/"+n)
	}
	return pages
}

// writePrograms writes what the program pages read on a static host, as
// the server answers them (play.go): play/source/NAME (the program),
// play/module/KEY.wasm (its module, built by build) and
// play/built/NAME.json ({"url": …}: the page runs the module with no
// server to build it), and play/status ({"static": true}: the page asks
// it as it would a server; a missing file would be a 404 in the console).
// A program with a still (stills, its first run) also gets
// play/still/NAME.json (the page shows that run at once, fetching the
// module only when the reader runs something) and svg/p/NAME.svg, its
// picture (the page's og:image), as the server answers them.
func writePrograms(out string, progs map[string]string, build ProgramModule, stills map[string]Still) error {
	for _, dir := range []string{"play/source", "play/module", "play/built", "play/still", "svg/p"} {
		if err := os.MkdirAll(filepath.Join(out, filepath.FromSlash(dir)), 0o755); err != nil {
			return err
		}
	}
	status := []byte(`{"build": false, "share": false, "static": true}` + "\n")
	if err := os.WriteFile(filepath.Join(out, "play", "status"), status, 0o644); err != nil {
		return err
	}
	for _, page := range programPages(progs) {
		name, ok := strings.CutPrefix(page, "/p/")
		if !ok {
			continue
		}
		src := progs[name]
		key, path, err := build(name, src)
		if err != nil {
			return fmt.Errorf("building %s.go: %w", name, err)
		}
		wasm, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		url := "/play/module/" + key + ".wasm"
		built, _ := json.Marshal(map[string]string{"url": url})
		files := map[string][]byte{
			filepath.Join("play", "source", name):        []byte(src),
			filepath.Join("play", "module", key+".wasm"): wasm,
			filepath.Join("play", "built", name+".json"): built,
		}
		files[filepath.Join("play", "still", name+".json")] = []byte("null\n") // as the server says "none"
		if st := stills[name]; st.Trace != nil {
			tr, err := trace.Unmarshal(st.Trace)
			if err != nil {
				return fmt.Errorf("the still of %s.go: %w", name, err)
			}
			svg, _, _ := stillSVG(tr, course.ViewState{})
			files[filepath.Join("play", "still", name+".json")] = st.Trace
			files[filepath.Join("svg", "p", name+".svg")] = []byte(svg)
		}
		for file, b := range files {
			if err := os.WriteFile(filepath.Join(out, file), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
