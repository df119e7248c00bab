package site

import (
	"bytes"
	"html"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"sync"
)

// pageCSS returns the stylesheets the server's pages link to, by href:
// the site's own (/web/*.css, from Assets) and go-app's (/app.css, the
// loader's styles, read from Pages on first use). withPageEdits inlines
// them, so that a prerendered page paints without waiting for any request;
// CSP allows inline styles already (go-app needs them).
func (s *Site) pageCSS() func(href string) ([]byte, bool) {
	appCSS := sync.OnceValue(func() []byte {
		bw := &bufWriter{header: http.Header{}}
		s.Pages.ServeHTTP(bw, httpRequest("/app.css"))
		if bw.status() != http.StatusOK {
			return nil
		}
		return bw.buf.Bytes()
	})
	return func(href string) ([]byte, bool) {
		if href == "/app.css" {
			b := appCSS()
			return b, b != nil
		}
		if !strings.HasPrefix(href, "/web/") || !strings.HasSuffix(href, ".css") {
			return nil, false
		}
		if s.Assets == nil {
			return nil, false
		}
		b, err := fs.ReadFile(s.Assets, strings.TrimPrefix(href, "/"))
		return b, err == nil
	}
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

// inlineStylesheets replaces each stylesheet <link> in the head of page
// whose href css can read with a <style> element holding it; others stay
// links. Only the head is searched: stylesheet links live there.
func inlineStylesheets(page []byte, css func(href string) ([]byte, bool)) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	head := stylesheetLink.ReplaceAllFunc(page[:end], func(link []byte) []byte {
		m := linkHref.FindSubmatch(link)
		if m == nil {
			return link
		}
		b, ok := css(html.UnescapeString(string(m[1])))
		if !ok {
			return link
		}
		// CSS cannot close a <style> element unless it contains "</".
		return []byte("<style>" + strings.ReplaceAll(string(compactCSS(b)), "</", `<\/`) + "</style>")
	})
	return append(head[:len(head):len(head)], page[end:]...)
}
