package site

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"lanes/course"
	"lanes/course/coursetest"
)

// newProgramSite is a site of coursetest's course whose Play has the
// -programs program "worker-pool" and a store, with one program shared
// into it; it returns the Play and the shared program's id.
func newProgramSite(t *testing.T) (*testSite, *Play, string) {
	t.Helper()
	pl := newTestPlay(t, false)
	pl.Programs = map[string]string{"worker-pool": "package main\n\nfunc main() {}\n"}
	w := do(pl, "POST", "/play/share", "package main\n\nfunc main() { println(\"<b>hi</b>\") }\n", "")
	var shared struct{ ID string }
	if err := json.Unmarshal(w.Body.Bytes(), &shared); w.Code != 200 || err != nil || shared.ID == "" {
		t.Fatalf("share = %d %s (%v)", w.Code, w.Body, err)
	}
	ts := &testSite{pages: &fakePages{renders: map[string]int{}}}
	s := &Site{Course: coursetest.New(), Pages: ts.pages, Wasm: NewWasmFiles(nil, nil, nil),
		Assets: fstest.MapFS{"web/lanes.css": {Data: []byte("body { color: black }\n")}}, Play: pl}
	ts.h = s.Handler()
	return ts, pl, shared.ID
}

func TestProgramOEmbed(t *testing.T) {
	ts, _, id := newProgramSite(t)
	const self = "http://example.org"
	q := func(u, extra string) string { return "/oembed?url=" + url.QueryEscape(u) + extra }
	tests := []struct {
		desc   string
		path   string
		status int
		width  int
		height int
		want   []string // in the answer's html (200) or its body (else)
	}{
		{desc: "a -programs program", path: q(self+"/p/worker-pool", "&format=json"), status: 200, width: 720, height: course.DefaultEmbedHeight,
			want: []string{`<iframe src="` + self + `/embed/p/worker-pool"`, `title="` + course.ProgramTitle + `"`, `height="560"`, `width="100%"`, `loading="lazy"`}},
		{desc: "a shared program", path: q(self+"/p/"+id, ""), status: 200, width: 720, height: course.DefaultEmbedHeight,
			want: []string{`src="` + self + `/embed/p/` + id + `"`}},
		{desc: "its embed page", path: q(self+"/embed/p/"+id, ""), status: 200, width: 720, height: course.DefaultEmbedHeight,
			want: []string{`src="` + self + `/embed/p/` + id + `"`}},
		{desc: "the query is kept", path: q(self+"/p/worker-pool?seed=7&strategy=random&theme=dark", ""), status: 200, width: 720, height: course.DefaultEmbedHeight,
			want: []string{`/embed/p/worker-pool?seed=7&amp;strategy=random&amp;theme=dark"`}},
		{desc: "maxwidth and maxheight shrink", path: q(self+"/p/worker-pool", "&maxwidth=300&maxheight=200"), status: 200, width: 300, height: 200,
			want: []string{`height="200"`}},
		{desc: "hostile view parameters are dropped", path: q(self+"/p/worker-pool?seed=\"><script>alert(1)</script>&theme='x'", ""), status: 200, width: 720, height: course.DefaultEmbedHeight,
			want: []string{`src="` + self + `/embed/p/worker-pool"`}},
		{desc: "an unknown id", path: q(self+"/p/zzzz", ""), status: 404, want: []string{"no such shared program"}},
		{desc: "an unknown id with a hostile query", path: q(self+"/p/zzzz?seed=\"><script>", ""), status: 404, want: []string{"no such shared program"}},
		{desc: "a hostile id", path: q(self+"/p/\"><script>alert(1)</script>", ""), status: 404, want: []string{"not a Lanes lesson or program"}},
		{desc: "a hostile embed id", path: q(self+"/embed/p/'onload='x", ""), status: 404, want: []string{"not a Lanes lesson or program"}},
		{desc: "the editor is no program", path: q(self+"/play", ""), status: 404, want: []string{"not a Lanes lesson or program"}},
		{desc: "another host's program", path: q("http://evil.example/p/worker-pool", ""), status: 404},
		{desc: "a deeper path", path: q(self+"/p/worker-pool/x", ""), status: 404},
		{desc: "xml is not implemented", path: q(self+"/p/worker-pool", "&format=xml"), status: 501},
	}
	for _, tt := range tests {
		w := ts.get(tt.path)
		body := w.Body.String()
		if w.Code != tt.status {
			t.Errorf("%s: GET %s: status %d, want %d (%s)", tt.desc, tt.path, w.Code, tt.status, body)
			continue
		}
		for _, bad := range []string{"<script", "<img", `"><`, "'onload"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the answer %q contains %q", tt.desc, body, bad)
			}
		}
		if tt.status != 200 {
			for _, want := range tt.want {
				if !strings.Contains(body, want) {
					t.Errorf("%s: the answer %q lacks %q", tt.desc, body, want)
				}
			}
			continue
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", tt.desc, ct)
		}
		var o OEmbed
		if err := json.Unmarshal(w.Body.Bytes(), &o); err != nil {
			t.Errorf("%s: not JSON: %v", tt.desc, err)
			continue
		}
		if o.Version != "1.0" || o.Type != "rich" || o.ProviderName != "Lanes" || o.ProviderURL != self+"/" || o.Title != course.ProgramTitle || o.Width != tt.width || o.Height != tt.height {
			t.Errorf("%s: got %+v, want 1.0 rich Lanes %dx%d", tt.desc, o, tt.width, tt.height)
		}
		if o.ThumbnailURL != "" {
			t.Errorf("%s: thumbnail %q, want none (a program has no picture)", tt.desc, o.ThumbnailURL)
		}
		for _, want := range tt.want {
			if !strings.Contains(o.HTML, want) {
				t.Errorf("%s: html %q lacks %q", tt.desc, o.HTML, want)
			}
		}
	}
}

// TestProgramOEmbedLater: an unknown id's 404 is not kept: once the
// program is stored, the same request answers it.
func TestProgramOEmbedLater(t *testing.T) {
	ts, pl, _ := newProgramSite(t)
	path := "/oembed?url=" + url.QueryEscape("http://example.org/p/later")
	if w := ts.get(path); w.Code != http.StatusNotFound {
		t.Fatalf("before: %d, want 404", w.Code)
	}
	pl.Programs["later"] = "package main\n\nfunc main() {}\n"
	if w := ts.get(path); w.Code != http.StatusOK {
		t.Errorf("after: %d %s, want 200", w.Code, w.Body)
	}
}

func TestProgramDiscovery(t *testing.T) {
	ts, _, id := newProgramSite(t)
	const self = "http://example.org"
	link := func(page string) string {
		return `<link rel="alternate" type="application/json+oembed" href="` +
			esc(self+"/oembed?url="+url.QueryEscape(self+page)+"&format=json") + `" title="Lanes">`
	}
	tests := []struct {
		desc   string
		path   string
		status int
		want   string // "" : no discovery link
	}{
		{desc: "a shared program's page", path: "/p/" + id, status: 200, want: link("/p/" + id)},
		{desc: "a -programs page with a view", path: "/p/worker-pool?seed=3&theme=dark", status: 200, want: link("/p/worker-pool?seed=3&theme=dark")},
		{desc: "its embed names the /p/ page", path: "/embed/p/worker-pool?seed=3", status: 200, want: link("/p/worker-pool?seed=3")},
		{desc: "hostile view parameters are dropped", path: "/p/worker-pool?seed=%22%3E%3Cscript%3E", status: 200, want: link("/p/worker-pool")},
		{desc: "an unknown program", path: "/p/zzzz", status: 404},
		{desc: "the editor", path: "/play", status: 200},
	}
	for _, tt := range tests {
		w := ts.get(tt.path)
		body := w.Body.String()
		if w.Code != tt.status {
			t.Errorf("%s: GET %s: status %d, want %d", tt.desc, tt.path, w.Code, tt.status)
			continue
		}
		if got := strings.Contains(body, "application/json+oembed"); got != (tt.want != "") {
			t.Errorf("%s: GET %s: discovery link %v, want %v", tt.desc, tt.path, got, tt.want != "")
		}
		if tt.want != "" && !strings.Contains(body, tt.want) {
			t.Errorf("%s: GET %s lacks %q", tt.desc, tt.path, tt.want)
		}
		if i, j := strings.Index(body, "application/json+oembed"), strings.Index(body, "</head>"); i > j {
			t.Errorf("%s: the discovery link is not in the head", tt.desc)
		}
	}
}
