//go:build !wasm

package main

import (
	"embed"
	"html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed web/*.css
var webCSS embed.FS

// inlineStyles moves the handler's own stylesheets (/web/*.css) into one
// <style> element in the head: the prerendered page paints without
// waiting for them (no render-blocking requests besides go-app's small
// /app.css). CSP allows inline styles already (go-app needs them).
// A stylesheet that cannot be read stays a link.
func inlineStyles(h *app.Handler) *app.Handler {
	var css strings.Builder
	var keep []string
	for _, s := range h.Styles {
		b, err := webCSS.ReadFile(strings.TrimPrefix(s, "/"))
		if !strings.HasPrefix(s, "/web/") || err != nil {
			keep = append(keep, s)
			continue
		}
		css.Write(b)
		css.WriteString("\n")
	}
	h.Styles = keep
	if css.Len() > 0 {
		// CSS cannot close a <style> element unless it contains "</".
		h.RawHeaders = append(h.RawHeaders, "<style>"+strings.ReplaceAll(css.String(), "</", `<\/`)+"</style>")
	}
	return h
}

// withAppCSS serves goapp's pages with go-app's own stylesheet (/app.css,
// the loader's styles) inlined in place of its <link>: with the site's
// styles inlined by inlineStyles, a page has no render-blocking request at
// all. The stylesheet is read from goapp itself on first use.
func withAppCSS(goapp http.Handler) http.Handler {
	css := sync.OnceValue(func() []byte {
		bw := &bufWriter{header: http.Header{}}
		goapp.ServeHTTP(bw, httpRequest("/app.css"))
		if bw.status() != http.StatusOK {
			return nil
		}
		return bw.buf.Bytes()
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if goappFiles[r.URL.Path] || strings.HasPrefix(r.URL.Path, "/web/") || css() == nil {
			goapp.ServeHTTP(w, r)
			return
		}
		bw := &bufWriter{header: http.Header{}}
		goapp.ServeHTTP(bw, r)
		body := bw.buf.Bytes()
		if strings.HasPrefix(bw.header.Get("Content-Type"), "text/html") {
			body = inlineStylesheets(body, func(href string) ([]byte, bool) {
				return css(), href == "/app.css"
			})
		}
		for k, vs := range bw.header {
			w.Header()[k] = vs
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(bw.status())
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// httpRequest is an internal GET request for path.
func httpRequest(path string) *http.Request {
	r, err := http.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		panic(err) // path is a constant
	}
	return r
}

var (
	stylesheetLink = regexp.MustCompile(`<link [^>]*rel="stylesheet"[^>]*>`)
	linkHref       = regexp.MustCompile(`href="([^"]*)"`)
)

// inlineStylesheets replaces each stylesheet <link> of page whose href css
// can read with a <style> element holding it; others stay links.
func inlineStylesheets(page []byte, css func(href string) ([]byte, bool)) []byte {
	return stylesheetLink.ReplaceAllFunc(page, func(link []byte) []byte {
		m := linkHref.FindSubmatch(link)
		if m == nil {
			return link
		}
		b, ok := css(html.UnescapeString(string(m[1])))
		if !ok {
			return link
		}
		return []byte("<style>" + strings.ReplaceAll(string(b), "</", `<\/`) + "</style>")
	})
}
