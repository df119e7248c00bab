//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	lanesapp "lanes/app"
	"lanes/timeline"
)

// The sharing routes of `lanes serve`:
//
//	/oembed?url=U[&maxwidth=W][&maxheight=H][&format=json]
//	    oEmbed 1.0 for a lesson or embed page U of this server: type "rich",
//	    html = the embed iframe (DefaultEmbedHeight high, or maxheight),
//	    width = 720 (or maxwidth), thumbnail_url = the /svg/ picture.
//	    U not a lesson of this host: 404. format other than json: 501.
//	/svg/SLUG.svg?variant=&seed=&strategy=&t=&theme= (".svg" optional)
//	    the timeline picture, byte for byte what the lesson page's
//	    "Download SVG" and `lanes svg` write for the same view.
//
// Lesson and embed pages carry the oEmbed discovery <link> in their <head>.

// oembedWidth is the width an oEmbed answer asks for without maxwidth.
const oembedWidth = 720

// lessonURLPath is the path of a page oEmbed answers for.
var lessonURLPath = regexp.MustCompile(`^/(lesson|embed)/([a-z0-9][a-z0-9-]{0,62})$`)

// requestSite is the origin of a request ("http://host:port"), or "" when
// the Host header is not a plain host name.
func requestSite(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	s := scheme + "://" + r.Host
	if r.Host == "" || !lanesapp.ValidSite(s) {
		return ""
	}
	return s
}

// oembedResponse is an oEmbed 1.0 "rich" answer.
type oembedResponse struct {
	Version         string `json:"version"`
	Type            string `json:"type"`
	Title           string `json:"title"`
	ProviderName    string `json:"provider_name"`
	ProviderURL     string `json:"provider_url"`
	HTML            string `json:"html"`
	Width           int    `json:"width"`
	Height          int    `json:"height"`
	ThumbnailURL    string `json:"thumbnail_url,omitempty"`
	ThumbnailWidth  int    `json:"thumbnail_width,omitempty"`
	ThumbnailHeight int    `json:"thumbnail_height,omitempty"`
}

// serveOEmbed answers /oembed.
func serveOEmbed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	site := requestSite(r)
	u, err := url.Parse(q.Get("url"))
	if site == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
		http.Error(w, "not a Lanes lesson of this site", http.StatusNotFound)
		return
	}
	m := lessonURLPath.FindStringSubmatch(u.Path)
	if m == nil {
		http.Error(w, "not a Lanes lesson of this site", http.StatusNotFound)
		return
	}
	l, ok := lanesapp.FindLesson(m[2])
	if !ok {
		http.Error(w, "no such lesson", http.StatusNotFound)
		return
	}
	s, _ := lanesapp.ParseViewState(u.Query())
	v, ok := l.Variant(s.Variant)
	if !ok && len(l.Variants) > 0 {
		http.Error(w, "no such variant", http.StatusNotFound)
		return
	}
	width, height := oembedWidth, lanesapp.DefaultEmbedHeight
	if n, err := strconv.Atoi(q.Get("maxwidth")); err == nil && n > 0 && n < width {
		width = n
	}
	if n, err := strconv.Atoi(q.Get("maxheight")); err == nil && n > 0 && n < height {
		height = n
	}
	title := "Lanes: " + l.Title
	if len(l.Variants) > 1 {
		title += " (" + v.Title + ")"
	}
	sn := lanesapp.MakeSnippets(site, l.Slug, title, s, height)
	resp := oembedResponse{Version: "1.0", Type: "rich", Title: title, ProviderName: "Lanes",
		ProviderURL: site + "/", HTML: sn.IFrame, Width: width, Height: height}
	if pic, pw, ph, err := picture(l.Slug, s); err == nil && pic != "" {
		resp.ThumbnailURL, resp.ThumbnailWidth, resp.ThumbnailHeight = sn.SVGURL, pw, ph
	}
	b, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Write(b)
}

// picture draws a lesson view as timeline.Export does for "Download SVG",
// with its size in px. A lesson without programs has no picture ("").
func picture(slug string, s lanesapp.ViewState) (string, int, int, error) {
	l, ok := lanesapp.FindLesson(slug)
	if !ok || len(l.Variants) == 0 {
		return "", 0, 0, nil
	}
	v, ok := l.Variant(s.Variant)
	if !ok {
		return "", 0, 0, nil
	}
	run, err := lanesapp.RunView(l.Slug, v.Name, s)
	if err != nil || run.Trace == nil {
		return "", 0, 0, err
	}
	svg := timeline.Export(run.Trace, lanesapp.PictureOptions(s, s.T))
	return svg, svgDim(svg, "width"), svgDim(svg, "height"), nil
}

// svgDim reads the root element's width or height.
func svgDim(svg, attr string) int {
	head, _, _ := strings.Cut(svg, ">")
	_, rest, ok := strings.Cut(head, " "+attr+`="`)
	if !ok {
		return 0
	}
	v, _, _ := strings.Cut(rest, `"`)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0
	}
	return int(f + 0.5)
}

// serveSVG answers /svg/SLUG.
func serveSVG(w http.ResponseWriter, r *http.Request) {
	slug := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/svg/"), ".svg")
	s, _ := lanesapp.ParseViewState(r.URL.Query())
	svg, _, _, err := picture(slug, s)
	if err != nil {
		http.Error(w, "the simulator could not run this program", http.StatusUnprocessableEntity)
		return
	}
	if svg == "" {
		http.Error(w, "no such lesson or variant", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "image/svg+xml; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	h.Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte(svg))
}

// discovery returns the oEmbed discovery link of a lesson or embed page
// ("" for any other request), and the request to render it with: one that
// carries the request's (validated) host, so that the prerendered snippets
// have absolute links.
func discovery(r *http.Request) (link string, r2 *http.Request) {
	site := requestSite(r)
	m := lessonURLPath.FindStringSubmatch(r.URL.Path)
	if site == "" || m == nil || !lanesapp.PageExists(r.URL.Path) {
		return "", r
	}
	r2 = r.Clone(r.Context())
	r2.URL.Host = r.Host
	s, _ := lanesapp.ParseViewState(r.URL.Query())
	page := site + "/lesson/" + m[2]
	if q := s.Query(); q != "" {
		page += "?" + q
	}
	return `<link rel="alternate" type="application/json+oembed" href="` +
		html.EscapeString(site+"/oembed?url="+url.QueryEscape(page)+"&format=json") + `" title="Lanes">`, r2
}

// bufWriter records a response.
type bufWriter struct {
	header http.Header
	code   int
	buf    bytes.Buffer
}

func (b *bufWriter) Header() http.Header { return b.header }
func (b *bufWriter) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}
func (b *bufWriter) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	return b.buf.Write(p)
}
func (b *bufWriter) status() int {
	if b.code == 0 {
		return http.StatusOK
	}
	return b.code
}
