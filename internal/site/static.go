package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"lanes/course"
)

// Export writes the whole site as static files into Out: every page
// (gallery, lessons, embeds, and /play, which says that a static copy
// builds no programs) prerendered and marked <html data-lanes-static>,
// web/ copied, the wasm with its .br and .gz siblings, svg/SLUG.svg for
// every lesson, and 404.html so deep links boot the app.
//
// Under a sub-path (Base "/lanes/") go-app's resolver prefixes the
// prerendered links and passes the prefix to the wasm as GOAPP_ROOT_PREFIX,
// which the app adds to the links it renders. Pages are normalised
// (normalizeHTML: go-app writes attributes in random order), so two exports
// of the same commit are byte-identical. URL gives the public address the
// prerendered sharing snippets use; without it they are relative to the
// host until the wasm fills in the page's own origin.
type Export struct {
	Out    string // directory to write to
	Base   string // path the site is hosted under, e.g. "/lanes/" ("" = "/")
	Web    string // directory of the static assets and app.wasm
	URL    string // public URL of the site, e.g. "https://me.github.io/lanes" ("" = Base)
	Course *course.Course
	Log    io.Writer // where a missing wasm is reported
	// Generate prerenders pages into dir (go-app's static generator, in
	// package main): w is the wasm (its Version and Size), base the
	// sub-path, site the URL the sharing snippets start with.
	Generate func(dir string, w WasmFiles, base, site string, pages []string) error
	// Programs are an author's programs (lanes static -programs DIR,
	// LoadPrograms), exported as /p/NAME and /embed/p/NAME with their
	// modules built by Build (static_programs.go).
	Programs map[string]string
	Build    ProgramModule
	// Stills are the programs' first runs, by name (StillOf): their pages
	// are prerendered with them by Generate (package main hands them to
	// the app), and their pictures written beside (static_programs.go).
	Stills map[string]Still
}

// basePattern is what Base may be (it ends up in attributes).
var basePattern = regexp.MustCompile(`^/$|^(/[A-Za-z0-9._-]+)+$`)

// Run writes the export.
func (e Export) Run() error {
	base := "/" + strings.Trim(e.Base, "/")
	if !basePattern.MatchString(base) {
		return fmt.Errorf("-base %q: want a path like /lanes/ (letters, digits, '.', '_', '-')", base)
	}
	site := strings.TrimRight(e.URL, "/")
	if site == "" {
		site = strings.TrimRight(base, "/")
	}
	if !course.ValidSite(site) {
		return fmt.Errorf("-url %q: want an address like https://example.org/lanes", site)
	}
	log := e.Log
	if log == nil {
		log = io.Discard
	}
	w, err := LoadWasm(e.Web, log)
	if err != nil {
		return err
	}
	out := e.Out
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// /play too: a static copy builds no programs, and its page says so
	// (the lessons' "Edit ✎" leads there).
	pages := append(append(e.Course.Pages(), "/play"), programPages(e.Programs)...)
	if err := e.Generate(out, w, base, site, pages); err != nil {
		return err
	}
	if len(e.Programs) > 0 {
		if err := writePrograms(out, e.Programs, e.Build, e.Stills); err != nil {
			return err
		}
	}
	if err := copyDir(e.Web, filepath.Join(out, "web")); err != nil {
		return err
	}
	if w.raw != nil {
		for ext, b := range map[string][]byte{".br": w.br, ".gz": w.gz} {
			if err := os.WriteFile(filepath.Join(out, "web", "app.wasm"+ext), b, 0o644); err != nil {
				return err
			}
		}
	}
	if err := normalizePages(out, base, originOf(site)); err != nil {
		return err
	}
	if err := e.writePictures(out); err != nil {
		return err
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "404.html"), index, 0o644)
}

// writePictures writes svg/SLUG.svg, the default view of every lesson with
// a program (the Markdown snippet's picture; a static host ignores the
// query, so other views show the default one).
func (e Export) writePictures(out string) error {
	if err := os.MkdirAll(filepath.Join(out, "svg"), 0o755); err != nil {
		return err
	}
	for _, l := range e.Course.Lessons() {
		svg, _, _, err := e.Course.Picture(l.Slug, course.ViewState{})
		if err != nil {
			return fmt.Errorf("picture of %s: %w", l.Slug, err)
		}
		if svg == "" {
			continue
		}
		if err := os.WriteFile(filepath.Join(out, "svg", l.Slug+".svg"), []byte(svg), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// normalizePages rewrites every .html file under dir with normalizeHTML
// and editPage, as the server edits its pages: stylesheets from those
// under base found in dir, so that a page of the export paints without
// waiting for any request either; Open Graph addresses with origin (the
// -url's; none if the export has no -url).
func normalizePages(dir, base, origin string) error {
	read := map[string][]byte{} // href → stylesheet, nil if none: every page links the same few
	css := func(href string) ([]byte, bool) {
		if b, ok := read[href]; ok {
			return b, b != nil
		}
		var b []byte
		rel, ok := strings.CutPrefix(href, strings.TrimRight(base, "/")+"/")
		if ok && strings.HasSuffix(rel, ".css") && !strings.Contains(rel, "..") {
			b, _ = os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		}
		read[href] = b
		return b, b != nil
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, markStatic(editPage(normalizeHTML(b), css, origin)), 0o644)
	})
}

// markStatic marks a page as a static copy's (<html data-lanes-static>):
// web/play.js then knows that nothing builds programs here without asking
// play/status, which a copy without programs does not have.
func markStatic(page []byte) []byte {
	return bytes.Replace(page, []byte("<html "), []byte("<html data-lanes-static "), 1)
}

var (
	startTag = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)+)\s*(/?)>`)
	tagAttr  = regexp.MustCompile(`([^\s"'<>/=]+)(="[^"]*")?`)
)

// normalizeHTML sorts the attributes of every start tag by name (go-app
// writes them in map order). Attribute order means nothing in HTML, so the
// page is the same; only its bytes become reproducible.
func normalizeHTML(b []byte) []byte {
	return startTag.ReplaceAllFunc(b, func(tag []byte) []byte {
		m := startTag.FindSubmatch(tag)
		attrs := tagAttr.FindAll(m[2], -1)
		slices.SortStableFunc(attrs, func(x, y []byte) int {
			nx, _, _ := bytes.Cut(x, []byte("="))
			ny, _, _ := bytes.Cut(y, []byte("="))
			return bytes.Compare(nx, ny)
		})
		out := append([]byte("<"), m[1]...)
		for _, a := range attrs {
			out = append(append(out, ' '), a...)
		}
		if len(m[3]) > 0 {
			out = append(out, '/')
		}
		return append(out, '>')
	})
}

// copyDir copies the regular files of src into dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		o, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(o, in); err != nil {
			o.Close()
			return err
		}
		return o.Close()
	})
}
