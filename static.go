//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	lanesapp "lanes/app"
)

// cmdStatic exports every page (gallery, lessons, embeds) as static files,
// with web/ copied and 404.html so deep links boot the app.
//
// First version: pages are written as go-app writes them (attribute order
// may differ between runs), and links rendered by the wasm under a sub-path
// rely on GOAPP_ROOT_PREFIX.
// basePattern is what -base may be (it ends up in attributes).
var basePattern = regexp.MustCompile(`^/$|^(/[A-Za-z0-9._-]+)+$`)

func cmdStatic(args []string) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to write the site to (required)")
	base := fs.String("base", "/", "path the site is hosted under, e.g. /lanes/")
	web := fs.String("web", "web", "directory of the static assets and app.wasm")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: lanes static -out DIR [-base /sub/path/]")
		return 2
	}
	if err := exportStatic(*out, *base, *web); err != nil {
		fmt.Fprintf(stderr, "lanes static: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "lanes: site written to %s\n", *out)
	return 0
}

func exportStatic(out, base, web string) error {
	base = "/" + strings.Trim(base, "/")
	if !basePattern.MatchString(base) {
		return fmt.Errorf("-base %q: want a path like /lanes/ (letters, digits, '.', '_', '-')", base)
	}
	w, err := loadWasm(web)
	if err != nil {
		return err
	}
	var res app.ResourceResolver
	if base != "/" {
		res = app.PrefixedLocation(base)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, appHandler(w.version, res), lanesapp.Pages()...); err != nil {
		return err
	}
	if err := copyDir(web, filepath.Join(out, "web")); err != nil {
		return err
	}
	if w.raw != nil {
		for ext, b := range map[string][]byte{".br": w.br, ".gz": w.gz} {
			if err := os.WriteFile(filepath.Join(out, "web", "app.wasm"+ext), b, 0o644); err != nil {
				return err
			}
		}
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "404.html"), index, 0o644)
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
