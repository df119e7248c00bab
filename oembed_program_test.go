//go:build !wasm

package main

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	lanesapp "lanes/app"
	"lanes/course"
	"lanes/internal/site"
)

// testProgramServer is testServer with the -programs program "demo"
// (lanes serve -data off -programs DIR).
func testProgramServer(t *testing.T) *httptest.Server {
	t.Helper()
	pl := &site.Play{Programs: map[string]string{"demo": course.DefaultProgram}}
	old := lanesapp.ProgramSource
	lanesapp.ProgramSource = pl.Source
	t.Cleanup(func() { lanesapp.ProgramSource = old })
	st := newSite(site.WasmFiles{}, 0, 0)
	st.Play = pl
	srv := httptest.NewServer(st.Handler())
	t.Cleanup(srv.Close)
	return srv
}

// TestProgramOEmbedServed: a program page of the real app carries the
// discovery link, and the oEmbed answer it names is the program's iframe.
func TestProgramOEmbedServed(t *testing.T) {
	srv := testProgramServer(t)
	resp, body := get(t, srv, "/p/demo?seed=3", nil)
	want := `<link rel="alternate" type="application/json+oembed" href="` + srv.URL + `/oembed?url=` +
		url.QueryEscape(srv.URL+"/p/demo?seed=3") + `&amp;format=json"`
	if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
		t.Fatalf("GET /p/demo?seed=3: %d, lacks %q", resp.StatusCode, want)
	}
	resp, body = get(t, srv, "/oembed?url="+url.QueryEscape(srv.URL+"/p/demo?seed=3")+"&format=json", nil)
	var o site.OEmbed
	if err := json.Unmarshal(body, &o); resp.StatusCode != 200 || err != nil {
		t.Fatalf("oEmbed: %d %s (%v)", resp.StatusCode, body, err)
	}
	if w := `<iframe src="` + srv.URL + `/embed/p/demo?seed=3"`; !strings.Contains(o.HTML, w) || o.Type != "rich" {
		t.Errorf("oEmbed html %q (type %q), want %q, rich", o.HTML, o.Type, w)
	}
}

// TestProgramPayloads is TestPayloads for program pages and their oEmbed
// answers: no element, attribute or javascript: URL added, no 5xx.
func TestProgramPayloads(t *testing.T) {
	srv := testProgramServer(t)
	self := srv.URL
	q := url.QueryEscape
	type request struct {
		desc string
		url  func(v string) string
	}
	var reqs []request
	for _, p := range viewParams {
		reqs = append(reqs,
			request{"program ?" + p, func(v string) string { return "/p/demo?" + p + "=" + q(v) }},
			request{"oEmbed of a program ?" + p, func(v string) string { return "/oembed?url=" + q(self+"/p/demo?"+p+"="+q(v)) }})
	}
	reqs = append(reqs,
		request{"program path", func(v string) string { return "/p/" + url.PathEscape(v) }},
		request{"oEmbed of a program path", func(v string) string { return "/oembed?url=" + q(self+"/p/"+url.PathEscape(v)) }},
		request{"oEmbed of an embed path", func(v string) string { return "/oembed?url=" + q(self+"/embed/p/"+v) }})
	for _, r := range reqs {
		const harmless = "z!z"
		resp, body := get(t, srv, r.url(harmless), nil)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: GET %.100s: status %d", r.desc, r.url(harmless), resp.StatusCode)
			continue
		}
		base := shapeOf(t, body)
		for _, p := range payloads {
			u := r.url(p.value)
			resp, body := get(t, srv, u, nil)
			if resp.StatusCode >= 500 {
				t.Errorf("%s, %s: GET %.100s: status %d", r.desc, p.desc, u, resp.StatusCode)
				continue
			}
			if strings.Contains(string(body), "<script>alert") || strings.Contains(string(body), "<img src=x") {
				t.Errorf("%s, %s: GET %.100s echoes the payload", r.desc, p.desc, u)
			}
			if resp.StatusCode == 400 || resp.StatusCode == 404 && len(body) < 200 {
				continue
			}
			if a := added(base, shapeOf(t, body)); len(a) > 0 {
				t.Errorf("%s, %s: GET %.100s: added %v", r.desc, p.desc, u, a)
			}
		}
	}
}
