//go:build !wasm

package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"lanes/course"
	"lanes/internal/site"
)

func TestOEmbed(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	self := srv.URL
	q := func(u string, extra string) string { return "/oembed?url=" + url.QueryEscape(u) + extra }
	tests := []struct {
		desc   string
		path   string
		status int
		width  int
		height int
		html   []string // the iframe HTML contains
	}{
		{desc: "lesson page", path: q(self+"/lesson/"+slug, "&format=json"), status: 200, width: 720, height: course.DefaultEmbedHeight,
			html: []string{`<iframe src="` + self + `/embed/` + slug + `"`, `title="Lanes: `, `loading="lazy"`, `width="100%"`}},
		{desc: "format may be left out", path: q(self+"/lesson/"+slug, ""), status: 200, width: 720, height: course.DefaultEmbedHeight},
		{desc: "embed page with a view", path: q(self+"/embed/"+slug+"?seed=7&strategy=random&theme=dark", ""), status: 200, width: 720, height: course.DefaultEmbedHeight,
			html: []string{`/embed/` + slug + `?seed=7&amp;strategy=random&amp;theme=dark"`}},
		{desc: "maxwidth and maxheight shrink", path: q(self+"/lesson/"+slug, "&maxwidth=300&maxheight=200"), status: 200, width: 300, height: 200,
			html: []string{`height="200"`}},
		{desc: "larger maxwidth changes nothing", path: q(self+"/lesson/"+slug, "&maxwidth=5000&maxheight=abc"), status: 200, width: 720, height: course.DefaultEmbedHeight},
		{desc: "bad view parameters fall back", path: q(self+"/lesson/"+slug+`?seed="><script>`, ""), status: 200, width: 720, height: course.DefaultEmbedHeight},
		{desc: "xml is not implemented", path: q(self+"/lesson/"+slug, "&format=xml"), status: 501},
		{desc: "foreign host", path: q("http://evil.example/lesson/"+slug, ""), status: 404},
		{desc: "unknown lesson", path: q(self+"/lesson/no-such-lesson", ""), status: 404},
		{desc: "gallery is not a lesson", path: q(self+"/", ""), status: 404},
		{desc: "no url", path: "/oembed", status: 404},
		{desc: "not a URL", path: "/oembed?url=%25zz", status: 404},
		{desc: "javascript URL", path: q("javascript:alert(1)", ""), status: 404},
		{desc: "unknown variant", path: q(self+"/lesson/"+slug+"?variant=nope", ""), status: 404},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: GET %s: status %d, want %d (%s)", tt.desc, tt.path, resp.StatusCode, tt.status, body)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", tt.desc, ct)
		}
		var o site.OEmbed
		if err := json.Unmarshal(body, &o); err != nil {
			t.Errorf("%s: not JSON: %v", tt.desc, err)
			continue
		}
		if o.Version != "1.0" || o.Type != "rich" || o.ProviderName != "Lanes" || o.Width != tt.width || o.Height != tt.height {
			t.Errorf("%s: got version %q type %q provider %q %dx%d, want 1.0 rich Lanes %dx%d",
				tt.desc, o.Version, o.Type, o.ProviderName, o.Width, o.Height, tt.width, tt.height)
		}
		if !strings.HasPrefix(o.ThumbnailURL, self+"/svg/"+slug) || o.ThumbnailWidth <= 0 || o.ThumbnailHeight <= 0 {
			t.Errorf("%s: thumbnail %q %dx%d", tt.desc, o.ThumbnailURL, o.ThumbnailWidth, o.ThumbnailHeight)
		}
		for _, want := range tt.html {
			if !strings.Contains(o.HTML, want) {
				t.Errorf("%s: html %q lacks %q", tt.desc, o.HTML, want)
			}
		}
		for _, bad := range []string{"<script", "<img", `"><s`} {
			if strings.Contains(o.HTML, bad) {
				t.Errorf("%s: html %q contains %q", tt.desc, o.HTML, bad)
			}
		}
	}
}

func TestSVGRouteAndDiscovery(t *testing.T) {
	srv := testServer(t)
	slug := theCourse.Lessons()[0].Slug
	tests := []struct {
		desc   string
		path   string
		status int
		ctype  string
		want   string
	}{
		{desc: "picture", path: "/svg/" + slug + ".svg", status: 200, ctype: "image/svg+xml; charset=utf-8", want: "<svg"},
		{desc: "picture at a step", path: "/svg/" + slug + "?t=0&theme=dark", status: 200, ctype: "image/svg+xml; charset=utf-8", want: "start: nothing has happened yet"},
		{desc: "unknown lesson", path: "/svg/nope", status: 404},
		{desc: "unknown variant", path: "/svg/" + slug + "?variant=nope", status: 404},
		{desc: "deeper path", path: "/svg/" + slug + "/x", status: 404},
		{desc: "without .svg", path: "/svg/" + slug, status: 200, want: "<svg"},
		{desc: "lesson page has the discovery link", path: "/lesson/" + slug + "?seed=3", status: 200, ctype: "text/html; charset=utf-8",
			want: `<link rel="alternate" type="application/json+oembed" href="` + srv.URL + `/oembed?url=` + url.QueryEscape(srv.URL+"/lesson/"+slug+"?seed=3") + `&amp;format=json"`},
		{desc: "embed page has it too", path: "/embed/" + slug, status: 200, ctype: "text/html; charset=utf-8", want: `type="application/json+oembed"`},
		{desc: "prerendered snippets are absolute", path: "/lesson/" + slug, status: 200, want: "&lt;iframe src=&#34;" + srv.URL + "/embed/" + slug},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: GET %s: status %d, want %d", tt.desc, tt.path, resp.StatusCode, tt.status)
			continue
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.desc, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if !strings.Contains(string(body), tt.want) {
			t.Errorf("%s: GET %s lacks %q", tt.desc, tt.path, tt.want)
		}
	}
}

// Bug 2: behind an HTTPS proxy (X-Forwarded-Proto: https) a page's
// prerendered snippets, its og:url, its discovery link and the oEmbed
// answer all name the site with https: the origin is computed once and
// handed to the prerender.
func TestOriginBehindHTTPSProxy(t *testing.T) {
	srv := testServer(t)
	host := strings.TrimPrefix(srv.URL, "http://")
	slug := theCourse.Lessons()[0].Slug
	proxied := map[string]string{"X-Forwarded-Proto": "https"}
	_, page := get(t, srv, "/lesson/"+slug+"?seed=3", proxied)
	for _, want := range []string{
		"&lt;iframe src=&#34;https://" + host + "/embed/" + slug + "?seed=3",
		`<meta property="og:url" content="https://` + host + `/lesson/` + slug + `">`,
		`href="https://` + host + `/oembed?url=`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if strings.Contains(string(page), "http://"+host) {
		t.Errorf("the page still names the site with http://")
	}
	_, body := get(t, srv, "/oembed?url="+url.QueryEscape("https://"+host+"/lesson/"+slug), proxied)
	if !strings.Contains(string(body), `src=\"https://`+host+`/embed/`+slug) {
		t.Errorf("the oEmbed answer's iframe is not https: %s", body)
	}
}
