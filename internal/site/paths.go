package site

import (
	"net/http"
	"path"
	"strings"
)

// Request paths. A path is served only in its one clean form: rooted, no
// "." or ".." segment, no empty segment ("//"), no encoded dot, slash or
// backslash (%2e, %2f, %5c), no backslash or NUL. Anything else could
// name a file outside the folder a handler means (go-app's file server
// once served /web/%2e%2e/go.mod, the working directory's), so it is
// refused with 400 before any handler sees it. A trailing slash is clean
// ("/web/" is a 404 like any other non-page); a page's path with one
// (/lesson/channels/, as a hand or a blog engine writes it) is
// redirected to the page (withoutSlash).

// cleanPath reports whether r's path is in its clean form.
func cleanPath(r *http.Request) bool {
	p := r.URL.Path
	if p == "" || p[0] != '/' || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	// The path as the client sent it (r.URL.Path is decoded).
	raw, _, _ := strings.Cut(r.RequestURI, "?")
	if !strings.HasPrefix(raw, "/") {
		raw = r.URL.EscapedPath() // absolute-form or synthetic requests
	}
	raw = strings.ToLower(raw)
	for _, enc := range []string{"%2e", "%2f", "%5c", "%00"} {
		if strings.Contains(raw, enc) {
			return false
		}
	}
	c := path.Clean(p)
	return c == p || c+"/" == p
}

// cleanPathsOnly answers 400 to a request whose path is not clean.
func cleanPathsOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cleanPath(r) {
			http.Error(w, "400 bad request: the path must be plain (no dot segments, encoded dots or slashes, or empty segments)", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// withoutSlash is where a request for a page's path with a trailing slash
// goes: the page, with the same query (a relative address: the page's
// own path, which exists); ok is false for any other path.
func withoutSlash(r *http.Request, exists func(path string) bool) (to string, ok bool) {
	p := strings.TrimSuffix(r.URL.Path, "/")
	if p == r.URL.Path || p == "" || !exists(p) {
		return "", false
	}
	to = strings.TrimSuffix(r.URL.EscapedPath(), "/")
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	return to, true
}
