package site

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ProgramModule builds a program's module and returns its key and the
// path of its module.wasm (progbuild.Service.Build, in package main).
type ProgramModule func(name, src string) (key, path string, err error)

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
func writePrograms(out string, progs map[string]string, build ProgramModule) error {
	for _, dir := range []string{"source", "module", "built"} {
		if err := os.MkdirAll(filepath.Join(out, "play", dir), 0o755); err != nil {
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
		for file, b := range map[string][]byte{
			filepath.Join("play", "source", name):        []byte(src),
			filepath.Join("play", "module", key+".wasm"): wasm,
			filepath.Join("play", "built", name+".json"): built,
		} {
			if err := os.WriteFile(filepath.Join(out, file), b, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
