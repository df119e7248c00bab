package site

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"lanes/course"
)

// The sharing routes of `lanes serve`:
//
//	/oembed?url=U[&maxwidth=W][&maxheight=H][&format=json]
//	    oEmbed 1.0 for a lesson or embed page U of this server: type "rich",
//	    html = the embed iframe (course.DefaultEmbedHeight high, or maxheight),
//	    width = 720 (or maxwidth), thumbnail_url = the /svg/ picture.
//	    U not a lesson of this host: 404. format other than json: 501.
//	/svg/SLUG.svg?variant=&seed=&strategy=&t=&theme= (".svg" optional)
//	    the timeline picture, byte for byte what the lesson page's
//	    "Download SVG" and `lanes svg` write for the same view.
//
// Lesson and embed pages carry the oEmbed discovery <link> in their <head>.

// oembedWidth is the width an oEmbed answer asks for without maxwidth.
const oembedWidth = 720

// Origin is the origin of a request ("https://host:port"): https when the
// connection is TLS or a proxy says so (X-Forwarded-Proto: https), else
// http; "" when the Host header is not a plain host name.
func Origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	s := scheme + "://" + r.Host
	if r.Host == "" || !course.ValidSite(s) {
		return ""
	}
	return s
}

// OEmbed is an oEmbed 1.0 "rich" answer, as /oembed writes it.
type OEmbed struct {
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
func (s *Site) serveOEmbed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	site := Origin(r)
	u, err := url.Parse(q.Get("url"))
	if site == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
		http.Error(w, "not a Lanes lesson of this site", http.StatusNotFound)
		return
	}
	_, slug, ok := course.ParsePagePath(u.Path)
	if !ok {
		http.Error(w, "not a Lanes lesson of this site", http.StatusNotFound)
		return
	}
	l, ok := s.Course.Lesson(slug)
	if !ok {
		http.Error(w, "no such lesson", http.StatusNotFound)
		return
	}
	view, _ := course.ParseViewState(u.Query())
	v, ok := l.Variant(view.Variant)
	if !ok && len(l.Variants) > 0 {
		http.Error(w, "no such variant", http.StatusNotFound)
		return
	}
	width, height := oembedWidth, course.DefaultEmbedHeight
	if n, err := strconv.Atoi(q.Get("maxwidth")); err == nil && n > 0 && n < width {
		width = n
	}
	if n, err := strconv.Atoi(q.Get("maxheight")); err == nil && n > 0 && n < height {
		height = n
	}
	title := l.EmbedTitle(v)
	sn := course.MakeSnippets(site, l.Slug, title, view, height)
	resp := OEmbed{Version: "1.0", Type: "rich", Title: title, ProviderName: "Lanes",
		ProviderURL: site + "/", HTML: sn.IFrame, Width: width, Height: height}
	if pic, pw, ph, err := s.Course.Picture(l.Slug, view); err == nil && pic != "" {
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

// serveSVG answers /svg/SLUG.
func (s *Site) serveSVG(w http.ResponseWriter, r *http.Request) {
	slug := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/svg/"), ".svg")
	view, _ := course.ParseViewState(r.URL.Query())
	svg, _, _, err := s.Course.Picture(slug, view)
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
// of the site at origin ("" for any other request).
func (s *Site) discovery(r *http.Request, origin string) string {
	_, slug, ok := course.ParsePagePath(r.URL.Path)
	if origin == "" || !ok || !s.Course.PageExists(r.URL.Path) {
		return ""
	}
	view, _ := course.ParseViewState(r.URL.Query())
	page := origin + view.URL(course.KindLesson, slug)
	return `<link rel="alternate" type="application/json+oembed" href="` +
		html.EscapeString(origin+"/oembed?url="+url.QueryEscape(page)+"&format=json") + `" title="Lanes">`
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
