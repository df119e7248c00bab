package site

import (
	"bytes"
	"encoding/json"
	"errors"
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
//	    U a program page (/p/ID, /embed/p/ID): the same, with the
//	    /embed/p/ID iframe and, once the program has a still
//	    (play_still.go), its picture /svg/p/ID.svg as the thumbnail
//	    (oembed_program.go).
//	    U not a lesson or program of this host: 404. format other than json: 501.
//	/svg/SLUG.svg?variant=&seed=&strategy=&t=&theme= (".svg" optional)
//	    the timeline picture, byte for byte what the lesson page's
//	    "Download SVG" and `lanes svg` write for the same view.
//	/svg/p/ID.svg?theme=&scale=&t= the picture of a program's still (play_still.go).
//
// Lesson, embed and program pages carry the oEmbed discovery <link> in
// their <head>.

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

// serveOEmbed answers /oembed. Answers are kept (the others cache) by
// origin and query; when the simulator is busy the answer is a 503.
func (s *Site) serveOEmbed(w http.ResponseWriter, r *http.Request) {
	key := "oembed " + Origin(r) + " " + r.Host + "?" + r.URL.RawQuery
	s.cached(w, r, key, s.oembed)
}

// serveSVG answers /svg/SLUG, kept like oEmbed answers.
func (s *Site) serveSVG(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, "svg "+r.URL.Path+"?"+r.URL.RawQuery, s.svg)
}

// cached serves the answer kept under key, or makes it with make and
// keeps it if it is a 200. make's error (course.ErrBusy, or the request's
// end) is a 503.
func (s *Site) cached(w http.ResponseWriter, r *http.Request, key string, make func(*http.Request) (*response, error)) {
	if rs, ok := s.others.Get(key); ok {
		rs.ServeHTTP(w, r)
		return
	}
	rs, ok := s.fresh.through(w, r, func() (*response, error) { return make(r) })
	if !ok {
		return
	}
	if rs.status == http.StatusOK {
		s.others.Add(key, rs, rs.size())
	}
	rs.ServeHTTP(w, r)
}

// refused is err if the simulator refused the run (course.ErrBusy), or
// the request's context error if the client has gone; else nil.
func refused(r *http.Request, err error) error {
	if errors.Is(err, course.ErrBusy) {
		return err
	}
	return r.Context().Err()
}

// oembed makes the answer to /oembed.
func (s *Site) oembed(r *http.Request) (*response, error) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		return textResponse(http.StatusNotImplemented, "only format=json is supported"), nil
	}
	site := Origin(r)
	u, err := url.Parse(q.Get("url"))
	if site == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
		return textResponse(http.StatusNotFound, "not a Lanes lesson or program of this site"), nil
	}
	width, height := oembedWidth, course.DefaultEmbedHeight
	if n, err := strconv.Atoi(q.Get("maxwidth")); err == nil && n > 0 && n < width {
		width = n
	}
	if n, err := strconv.Atoi(q.Get("maxheight")); err == nil && n > 0 && n < height {
		height = n
	}
	if rs, ok := s.programOEmbed(u, site, width, height); ok {
		return rs, nil
	}
	_, slug, ok := course.ParsePagePath(u.Path)
	if !ok {
		return textResponse(http.StatusNotFound, "not a Lanes lesson or program of this site"), nil
	}
	l, ok := s.Course.Lesson(slug)
	if !ok {
		return textResponse(http.StatusNotFound, "no such lesson"), nil
	}
	view, _ := course.ParseViewState(u.Query())
	v, ok := l.Variant(view.Variant)
	if !ok && len(l.Variants) > 0 {
		return textResponse(http.StatusNotFound, "no such variant"), nil
	}
	title := l.EmbedTitle(v)
	sn := course.MakeSnippets(site, l.Slug, title, view, height)
	resp := OEmbed{Version: "1.0", Type: "rich", Title: title, ProviderName: "Lanes",
		ProviderURL: site + "/", HTML: sn.IFrame, Width: width, Height: height}
	pic, pw, ph, err := s.Course.PictureContext(r.Context(), l.Slug, view)
	if err := refused(r, err); err != nil {
		return nil, err
	}
	if err == nil && pic != "" {
		resp.ThumbnailURL, resp.ThumbnailWidth, resp.ThumbnailHeight = sn.SVGURL, pw, ph
	}
	return oembedJSON(resp), nil
}

// oembedJSON is the response of an oEmbed answer.
func oembedJSON(o OEmbed) *response {
	b, err := json.Marshal(o)
	if err != nil {
		return textResponse(http.StatusInternalServerError, "encoding failed")
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Access-Control-Allow-Origin", "*")
	return newResponse(http.StatusOK, h, b, brotliDynamic)
}

// svg makes the answer to /svg/SLUG.
func (s *Site) svg(r *http.Request) (*response, error) {
	if id, ok := programPictureID(r.URL.Path); ok {
		return s.programPicture(r, id), nil
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/svg/"), ".svg")
	view, _ := course.ParseViewState(r.URL.Query())
	svg, _, _, err := s.Course.PictureContext(r.Context(), slug, view)
	if err := refused(r, err); err != nil {
		return nil, err
	}
	if err != nil {
		return textResponse(http.StatusUnprocessableEntity, "the simulator could not run this program"), nil
	}
	if svg == "" {
		return textResponse(http.StatusNotFound, "no such lesson or variant"), nil
	}
	h := http.Header{}
	h.Set("Content-Type", "image/svg+xml; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
	h.Set("Cache-Control", "public, max-age=3600")
	return newResponse(http.StatusOK, h, []byte(svg), brotliDynamic), nil
}

// discovery returns the oEmbed discovery link of a lesson or embed page,
// or of a program page (programDiscovery), of the site at origin ("" for
// any other request).
func (s *Site) discovery(r *http.Request, origin string) string {
	if link := s.programDiscovery(r, origin); link != "" {
		return link
	}
	_, slug, ok := course.ParsePagePath(r.URL.Path)
	if origin == "" || !ok || !s.Course.PageExists(r.URL.Path) {
		return ""
	}
	view, _ := course.ParseViewState(r.URL.Query())
	return discoveryLink(origin, origin+view.URL(course.KindLesson, slug))
}

// discoveryLink is the oEmbed discovery <link> for page, of the site at
// origin, escaped by esc.
func discoveryLink(origin, page string) string {
	return `<link rel="alternate" type="application/json+oembed" href="` +
		esc(origin+"/oembed?url="+url.QueryEscape(page)+"&format=json") + `" title="Lanes">`
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
