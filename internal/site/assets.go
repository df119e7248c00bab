package site

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// The files the site serves as they are, and only those:
//
//	/web/NAME          the files the app ships (Site.Assets, embedded in
//	                   the binary: stylesheets, icons, robots.txt…); any
//	                   other /web/ path is a 404, and there is no listing
//	/web/app.wasm      the wasm (WasmFiles; also /app.wasm, /goapp.wasm)
//	/robots.txt        web/robots.txt
//	/app.js /wasm_exec.js /app-worker.js /manifest.webmanifest /app.css …
//	                   go-app's generated files (goappFiles), asked from
//	                   Pages once and kept
//
// go-app never serves a file itself: its resource resolver (WebPaths) only
// names them, so it has no file server over the working directory.

// contentTypes are the types of the files the app ships, by extension.
var contentTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8", // web/floor.html only: make bench's one-paragraph page
	".js":          "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".woff2":       "font/woff2",
}

// goappFiles are the files go-app generates (not pages), by path; the
// value is the path go-app answers them under.
var goappFiles = map[string]string{
	"/app.js": "/app.js", "/goapp.js": "/app.js", "/wasm_exec.js": "/wasm_exec.js",
	"/app-worker.js": "/app-worker.js", "/manifest.webmanifest": "/manifest.webmanifest",
	"/manifest.json": "/manifest.webmanifest", "/app.css": "/app.css",
}

// WebPaths is go-app's resource resolver for `lanes serve`: it names
// /web/ files as they are served ("/web/x" stays "/web/x") and, unlike
// go-app's default (LocalDir), is no file server: the site serves them.
// (It has go-app's ResourceResolver method without importing go-app.)
type WebPaths struct{}

// Resolve returns location as the site serves it.
func (WebPaths) Resolve(location string) string {
	if location == "" || location == "/" {
		return "/"
	}
	if strings.Contains(location, "://") || !(strings.HasPrefix(location, "/web/") || strings.HasPrefix(location, "web/")) {
		return location
	}
	return "/" + strings.Trim(location, "/")
}

// bigAsset is the size above which a static file is compressed on first
// use, at the answers' faster level, instead of at start at the best one.
const bigAsset = 128 << 10

// loadAssets reads every file of assets under web/ into responses by path
// ("/web/NAME"), compressed once (at start, or on first use for files over
// bigAsset); web/robots.txt is /robots.txt too.
func loadAssets(assets fs.FS) (map[string]*response, error) {
	files := map[string]*response{}
	if assets == nil {
		return files, nil
	}
	err := fs.WalkDir(assets, "web", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ctype, ok := contentTypes[path.Ext(p)]
		if !ok {
			return nil // not a kind of file the app ships
		}
		b, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		h := http.Header{}
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		if len(b) > bigAsset {
			// brotli 11 of /play's 450 KB editor bundle takes seconds:
			// not at start, and not at that level.
			files["/"+p] = newResponse(http.StatusOK, h, b, brotliDynamic).withHashETag()
			return nil
		}
		files["/"+p] = newResponse(http.StatusOK, h, b, brotliStatic).withHashETag().precompress()
		return nil
	})
	if rs, ok := files["/web/robots.txt"]; ok {
		files["/robots.txt"] = rs
	}
	return files, err
}

// goappFile returns go-app's generated file at path p, asking Pages once
// for all of them.
func (s *Site) goappFile(p string) (*response, bool) {
	s.goappOnce.Do(func() {
		s.goapp = map[string]*response{}
		for p, from := range goappFiles {
			rs := record(s.Pages, httpRequest(from), brotliStatic)
			if rs.status != http.StatusOK {
				continue
			}
			switch rs.header.Get("Content-Type") {
			case "application/javascript", "text/javascript":
				rs.header.Set("Content-Type", "text/javascript; charset=utf-8")
			case "text/css":
				rs.header.Set("Content-Type", "text/css; charset=utf-8")
			}
			s.goapp[p] = rs.precompress()
		}
	})
	rs, ok := s.goapp[p]
	return rs, ok
}
