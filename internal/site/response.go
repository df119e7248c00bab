package site

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// A response is an answer kept whole in memory: the site's static files,
// go-app's generated files, rendered pages, pictures and oEmbed answers.
// It is sent compressed as the client accepts (brotli, gzip or identity
// by Accept-Encoding, with Vary: Accept-Encoding) when its type is text;
// each compressed form is made once, on first use (or at once, for
// static files), and kept with it. It answers If-None-Match with 304.
type response struct {
	status int
	header http.Header // never Content-Length or Content-Encoding
	body   []byte
	etag   string // quoted; "" = none
	text   bool   // worth compressing

	once  [2]sync.Once // br, gz
	coded [2][]byte
	level [2]int
}

// Compression levels: static files once at start (best), answers made per
// request fast (brotli 5 is several times faster than 11 and within a few
// per cent of its size on HTML and SVG).
const (
	brotliStatic  = brotli.BestCompression
	brotliDynamic = 5
	gzipLevel     = 6
)

// newResponse makes a response; a text type is compressed with brotli at
// brLevel.
func newResponse(status int, header http.Header, body []byte, brLevel int) *response {
	if header == nil {
		header = http.Header{}
	}
	header.Del("Content-Length")
	header.Del("Content-Encoding")
	rs := &response{status: status, header: header, body: body, text: compressible(header.Get("Content-Type")) && len(body) >= 256}
	rs.level = [2]int{brLevel, gzipLevel}
	return rs
}

// textResponse is a plain-text answer (errors).
func textResponse(status int, msg string) *response {
	h := http.Header{}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	return newResponse(status, h, []byte(msg+"\n"), brotliDynamic)
}

// withHashETag sets the ETag to a hash of the body.
func (rs *response) withHashETag() *response {
	sum := sha256.Sum256(rs.body)
	rs.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
	return rs
}

// compressible says whether a content type is text worth compressing.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "text/") || t == "image/svg+xml" || t == "application/json" ||
		t == "application/javascript" || t == "application/manifest+json" || t == "application/xml"
}

// encoded returns the body in coding ("br" or "gzip"), compressing it on
// first use; nil if compression failed.
func (rs *response) encoded(coding string) []byte {
	i := 0
	if coding == "gzip" {
		i = 1
	}
	rs.once[i].Do(func() {
		var b []byte
		var err error
		if i == 0 {
			b, err = brotliBytes(rs.body, rs.level[0])
		} else {
			b, err = gzipBytes(rs.body, rs.level[1])
		}
		if err == nil && len(b) < len(rs.body) {
			rs.coded[i] = b
		}
	})
	return rs.coded[i]
}

// precompress makes both compressed forms now.
func (rs *response) precompress() *response {
	if rs.text {
		rs.encoded("br")
		rs.encoded("gzip")
	}
	return rs
}

// size is roughly the bytes the response keeps alive (for the caches'
// bounds), counting the compressed forms it may make.
func (rs *response) size() int64 {
	n := int64(len(rs.body)) + 512
	if rs.text {
		n += int64(len(rs.body)) / 2 // both compressed forms, generously
	}
	return n
}

// ServeHTTP writes the response, compressed as r accepts.
func (rs *response) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, vs := range rs.header {
		h[k] = vs
	}
	if rs.etag != "" {
		h.Set("ETag", rs.etag)
		if r.Header.Get("If-None-Match") == rs.etag && rs.status == http.StatusOK {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	body := rs.body
	if rs.text {
		h.Add("Vary", "Accept-Encoding")
		if c := negotiate(r.Header.Get("Accept-Encoding"), true, true); c != "" {
			if b := rs.encoded(c); b != nil {
				h.Set("Content-Encoding", c)
				body = b
			}
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rs.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// record runs a handler on r and keeps its answer as a response.
func record(hd http.Handler, r *http.Request, brLevel int) *response {
	bw := &bufWriter{header: http.Header{}}
	hd.ServeHTTP(bw, r)
	rs := newResponse(bw.status(), bw.header, bw.buf.Bytes(), brLevel)
	if e := bw.header.Get("ETag"); e != "" {
		rs.etag = e
		rs.header.Del("ETag")
	}
	return rs
}

// withETag sets the ETag (quoted, or "" for none).
func (rs *response) withETag(etag string) *response {
	rs.etag = etag
	return rs
}
