//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// payloads are what an attacker puts in a URL.
var payloads = []struct{ desc, value string }{
	{"double quote and script", `"><script>alert(1)</script>`},
	{"single quote and handler", `'><img src=x onerror=alert(1)>`},
	{"javascript URL", `javascript:alert(1)`},
	{"meta refresh", `"><meta http-equiv=refresh content="0;url=https://evil.example">`},
	{"style", `</style><style>body{display:none}</style>`},
	{"NUL", "a\x00b"},
	{"invalid UTF-8", "\xff\xfe<b>x</b>\xc3"},
	{"100 KB", strings.Repeat(`<a href="javascript:x">'"`, 100<<10/24)},
}

// viewParams are the query parameters the pages read, and one they do not.
var viewParams = []string{"variant", "seed", "strategy", "t", "theme", "autoplay", "controls", "code", "replay", "scale", "wasm", "zz"}

// shape is what a page is made of: its elements with their attribute
// names, counted, and the attribute values that are javascript: URLs.
type shape struct {
	elems map[string]int
	jsURL int
}

// shapeOf parses body as HTML (a page, an SVG, or an oEmbed answer's
// html).
func shapeOf(t *testing.T, body []byte) shape {
	t.Helper()
	if bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) {
		var o struct{ HTML string }
		if err := json.Unmarshal(body, &o); err == nil {
			body = []byte(o.HTML)
		}
	}
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parsing the answer: %v", err)
	}
	s := shape{elems: map[string]int{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			var names []string
			for _, a := range n.Attr {
				names = append(names, a.Namespace+":"+a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(v, "javascript:") {
					s.jsURL++
				}
			}
			slices.Sort(names)
			s.elems[n.Data+"["+strings.Join(names, " ")+"]"]++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return s
}

// added lists what payload's shape has beyond base's.
func added(base, payload shape) []string {
	var out []string
	for e, n := range payload.elems {
		if n > base.elems[e] {
			out = append(out, fmt.Sprintf("%d× %s", n-base.elems[e], e))
		}
	}
	if payload.jsURL > base.jsURL {
		out = append(out, fmt.Sprintf("%d javascript: URLs", payload.jsURL-base.jsURL))
	}
	slices.Sort(out)
	return out
}

// TestPayloads requests every route with each payload in the path and in
// each query parameter, and compares the answer with the same request
// with a harmless value in the payload's place (harmless, "z!z", but
// invalid for every parameter as the payloads are, so both pages say
// the same thing): no element or attribute may be added, no javascript:
// URL appear, and no 5xx come back (but oEmbed's 501 for a format other
// than json, which the oEmbed specification asks for).
func TestPayloads(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	self := srv.URL
	q := url.QueryEscape
	type request struct {
		desc string
		url  func(v string) string // the request with v in the payload's place
	}
	var reqs []request
	for _, route := range []struct{ desc, path string }{
		{"gallery", "/"},
		{"lesson", "/lesson/" + slug},
		{"embed", "/embed/" + slug},
		{"404 lesson", "/lesson/no-such-lesson"},
		{"404 page", "/nope/x"},
		{"SVG", "/svg/" + slug + ".svg"},
	} {
		for _, p := range viewParams {
			reqs = append(reqs, request{route.desc + " ?" + p, func(v string) string { return route.path + "?" + p + "=" + q(v) }})
		}
		for _, p := range []string{"variant", "seed"} { // repeated: the first counts, the second is noted
			reqs = append(reqs, request{route.desc + " ?" + p + " twice", func(v string) string { return route.path + "?" + p + "=1&" + p + "=" + q(v) }})
		}
	}
	for _, kind := range []string{"lesson", "embed"} {
		reqs = append(reqs,
			request{kind + " path", func(v string) string { return "/" + kind + "/" + url.PathEscape(v) }},
			request{kind + " path after a slug", func(v string) string { return "/" + kind + "/" + slug + url.PathEscape(v) }})
	}
	reqs = append(reqs,
		request{"page path", func(v string) string { return "/" + url.PathEscape(v) }},
		request{"SVG path", func(v string) string { return "/svg/" + url.PathEscape(v) + ".svg" }})
	for _, p := range viewParams {
		reqs = append(reqs, request{"oEmbed of a lesson ?" + p, func(v string) string {
			return "/oembed?url=" + q(self+"/lesson/"+slug+"?"+p+"="+q(v))
		}})
	}
	for _, p := range []string{"url", "maxwidth", "maxheight", "format"} {
		reqs = append(reqs, request{"oEmbed ?" + p, func(v string) string {
			u := "/oembed?url=" + q(self+"/embed/"+slug)
			if p == "url" {
				return "/oembed?url=" + q(v)
			}
			return u + "&" + p + "=" + q(v)
		}})
	}
	for _, r := range reqs {
		const harmless = "z!z"
		serverError := func(code int) bool {
			return code >= 500 && !(r.desc == "oEmbed ?format" && code == 501)
		}
		resp, body := get(t, srv, r.url(harmless), nil)
		if serverError(resp.StatusCode) {
			t.Errorf("%s: GET %.100s: status %d", r.desc, r.url(harmless), resp.StatusCode)
			continue
		}
		base := shapeOf(t, body)
		for _, p := range payloads {
			u := r.url(p.value)
			resp, body := get(t, srv, u, nil)
			if serverError(resp.StatusCode) {
				t.Errorf("%s, %s: GET %.100s: status %d", r.desc, p.desc, u, resp.StatusCode)
				continue
			}
			if resp.StatusCode == 400 || resp.StatusCode == 404 && len(body) < 200 {
				continue // refused (e.g. an encoded slash in the path): nothing rendered
			}
			if a := added(base, shapeOf(t, body)); len(a) > 0 {
				t.Errorf("%s, %s: GET %.100s: added %v", r.desc, p.desc, u, a)
			}
		}
	}
}

// TestExportRefusesPayloads: a static export's only inputs from outside
// are -base and -url; a payload in either is refused.
func TestExportRefusesPayloads(t *testing.T) {
	for _, p := range payloads {
		if err := exportStatic(t.TempDir(), "/", "web", "https://example.org/"+p.value); err == nil {
			t.Errorf("%s in -url: exported", p.desc)
		}
		if err := exportStatic(t.TempDir(), "/"+p.value+"/", "web", ""); err == nil {
			t.Errorf("%s in -base: exported", p.desc)
		}
	}
}
