//go:build !wasm

package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	lanesapp "lanes/app"
	"lanes/internal/progbuild"
	"lanes/internal/site"
	"lanes/internal/snippets"
)

// stillServer is a server with a snippet store and a build service (as
// lanes serve -data DIR makes it, without warming the cache) holding the
// programs srcs; it returns their ids.
func stillServer(t *testing.T, srcs ...string) (*httptest.Server, *site.Play, []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds programs")
	}
	dir := t.TempDir()
	store, err := snippets.Open(filepath.Join(dir, "snippets"))
	if err != nil {
		t.Fatal(err)
	}
	builds, err := progbuild.New(progbuild.Options{Cache: filepath.Join(dir, "modules")})
	if err != nil {
		t.Fatal(err)
	}
	pl := &site.Play{Snippets: store, Builds: builds, Limit: site.DefaultLimit}
	t.Cleanup(func() { pl.WaitStills(); store.Close() })
	oldSrc, oldStill := lanesapp.ProgramSource, lanesapp.ProgramStill
	lanesapp.ProgramSource, lanesapp.ProgramStill = pl.Source, pl.StillTrace
	t.Cleanup(func() { lanesapp.ProgramSource, lanesapp.ProgramStill = oldSrc, oldStill })
	var ids []string
	for _, src := range srcs {
		id, err := store.Put(context.Background(), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	st := newSite(site.WasmFiles{}, 0, 0)
	st.Play = pl
	srv := httptest.NewServer(st.Handler())
	t.Cleanup(srv.Close)
	return srv, pl, ids
}

const (
	stillHello  = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tfmt.Println(\"hello from a goroutine\")\n\t}()\n\twg.Wait()\n}\n"
	stillBroken = "package main\n\nfunc main() {\n\tx := 1\n}\n"
	stillMarkup = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() {\n\t\tfmt.Println(\"\\\"><img src=x onerror=alert(1)>\")\n\t\tdone <- true\n\t}()\n\t<-done\n\tfmt.Print(\"<b>bold</b>\")\n}\n"
)

// TestProgramStill: a shared program's page prerenders the timeline of
// its first run once the server has made its still, and keeps the page
// only then; a program that does not compile gets its message instead.
func TestProgramStill(t *testing.T) {
	srv, pl, ids := stillServer(t, stillHello, stillBroken, stillMarkup)
	hello, broken, markup := ids[0], ids[1], ids[2]
	_, body := get(t, srv, "/p/"+hello, nil)
	if strings.Contains(string(body), `class="timeline`) {
		t.Fatalf("GET /p/%s before its still: has a timeline", hello)
	}
	pl.WaitStills() // the first GET started it
	for _, id := range ids {
		if err := pl.MakeStill(context.Background(), id); err != nil {
			t.Fatalf("MakeStill(%s): %v", id, err)
		}
	}
	tests := []struct {
		desc, path string
		want       []string
		absent     []string
	}{
		{desc: "the page of a program that runs", path: "/p/" + hello,
			want:   []string{"<svg", `class="timeline`, "hello from a goroutine", `<span class="hl-k">package</span>`},
			absent: []string{"Press Run (Ctrl+Enter) to see"}},
		{desc: "its embed", path: "/embed/p/" + hello, want: []string{"<svg", "hello from a goroutine"}},
		{desc: "at a step", path: "/p/" + hello + "?t=2", want: []string{"<svg"}},
		{desc: "a program that prints markup", path: "/p/" + markup,
			want:   []string{"<svg", "&lt;img src=x onerror=alert(1)&gt;"},
			absent: []string{"<img src=x", "<b>bold"}},
		{desc: "a program that does not compile", path: "/p/" + broken,
			want:   []string{"Your program does not compile:", "main.go:4:2: declared and not used: x"},
			absent: []string{`class="timeline`}},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != 200 {
			t.Errorf("%s: GET %s = %d, want 200", tt.desc, tt.path, resp.StatusCode)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: GET %s lacks %q", tt.desc, tt.path, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(string(body), a) {
				t.Errorf("%s: GET %s has %q", tt.desc, tt.path, a)
			}
		}
	}
}

// TestProgramThumbnail: a program's oEmbed answer names its still's
// picture as its thumbnail, with its size, once there is one; the picture
// is served as lessons' are.
func TestProgramThumbnail(t *testing.T) {
	srv, pl, ids := stillServer(t, stillHello, stillBroken, "package main\n\nfunc main() { println(1) }\n")
	hello, broken, later := ids[0], ids[1], ids[2]
	for _, id := range ids[:2] {
		if err := pl.MakeStill(context.Background(), id); err != nil {
			t.Fatalf("MakeStill(%s): %v", id, err)
		}
	}
	tests := []struct {
		desc, page string
		thumb      string // "" for none
	}{
		{desc: "a program with a still", page: "/p/" + hello, thumb: "/svg/p/" + hello + ".svg"},
		{desc: "its embed, in a view", page: "/embed/p/" + hello + "?theme=dark&autoplay=1", thumb: "/svg/p/" + hello + ".svg?theme=dark"},
		{desc: "a program that does not compile", page: "/p/" + broken},
		{desc: "a program without a still yet", page: "/p/" + later},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, "/oembed?format=json&url="+url.QueryEscape(srv.URL+tt.page), nil)
		var o site.OEmbed
		if err := json.Unmarshal(body, &o); resp.StatusCode != 200 || err != nil {
			t.Errorf("%s: oEmbed: %d %s (%v)", tt.desc, resp.StatusCode, body, err)
			continue
		}
		want := ""
		if tt.thumb != "" {
			want = srv.URL + tt.thumb
		}
		if got := o.ThumbnailURL; got != want || (want != "") != (o.ThumbnailWidth > 0 && o.ThumbnailHeight > 0) {
			t.Errorf("%s: thumbnail %q %dx%d, want %q with a size", tt.desc, got, o.ThumbnailWidth, o.ThumbnailHeight, want)
			continue
		}
		if want == "" {
			continue
		}
		resp, body = get(t, srv, strings.TrimPrefix(want, srv.URL), nil)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || !strings.HasPrefix(ct, "image/svg+xml") || !strings.HasPrefix(string(body), "<svg") {
			t.Errorf("%s: GET %s = %d %s %.40q, want an SVG", tt.desc, want, resp.StatusCode, ct, body)
		}
	}
	for _, p := range []string{"/svg/p/" + later + ".svg", "/svg/p/nosuchprogram.svg", "/svg/p/%3Cx%3E.svg"} {
		if resp, _ := get(t, srv, p, nil); resp.StatusCode != 404 {
			t.Errorf("GET %s = %d, want 404", p, resp.StatusCode)
		}
	}
}

// TestProgramStillJSON: /play/still/ID.json is the still's trace, which
// a program page shows at once in the browser; null for a program with no
// still with a trace (yet: not an error), 404 for no program. A page with
// a still names its picture as its og:image.
func TestProgramStillJSON(t *testing.T) {
	srv, pl, ids := stillServer(t, stillHello, stillBroken, "package main\n\nfunc main() { println(1) }\n")
	hello, broken, later := ids[0], ids[1], ids[2]
	for _, id := range ids[:2] {
		if err := pl.MakeStill(context.Background(), id); err != nil {
			t.Fatalf("MakeStill(%s): %v", id, err)
		}
	}
	tests := []struct {
		desc, path string
		status     int
		want       string
	}{
		{desc: "a program with a still", path: "/play/still/" + hello + ".json", status: 200, want: "hello from a goroutine"},
		{desc: "a program that does not compile", path: "/play/still/" + broken + ".json", status: 200, want: "null"},
		{desc: "a program without a still yet", path: "/play/still/" + later + ".json", status: 200, want: "null"},
		{desc: "no such program", path: "/play/still/nosuchprogram.json", status: 404, want: "no program"},
		{desc: "not a still's address", path: "/play/still/" + hello, status: 404, want: "no program"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
			t.Errorf("%s: GET %s = %d %.80q, want %d with %q", tt.desc, tt.path, resp.StatusCode, body, tt.status, tt.want)
		}
	}
	_, body := get(t, srv, "/p/"+hello, nil)
	if want := `<meta property="og:image" content="` + srv.URL + `/svg/p/` + hello + `.svg">`; !strings.Contains(string(body), want) {
		t.Errorf("/p/%s lacks %s", hello, want)
	}
	_, body = get(t, srv, "/p/"+later, nil)
	if strings.Contains(string(body), `og:image`) {
		t.Errorf("/p/%s, without a still, has an og:image", later)
	}
}
