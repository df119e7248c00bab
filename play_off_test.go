//go:build !wasm

package main

import (
	"io"
	"strings"
	"testing"

	lanesapp "lanes/app"
)

// TestPlayDataOff: under lanes serve -data off, /play is a page (200, not
// a 404) that says plainly that this server builds no programs, with no Run
// button, and /play/status says so to the browser.
func TestPlayDataOff(t *testing.T) {
	old := lanesapp.PlayOff
	t.Cleanup(func() { lanesapp.PlayOff = old })
	pl, closePlay, err := newPlay("off", "", io.Discard)
	if err != nil || pl != nil {
		t.Fatalf("newPlay(off) = %v, %v, want no Play and no error", pl, err)
	}
	defer closePlay()
	srv := testServer(t) // a site without a Play, as lanes serve -data off makes it
	tests := []struct {
		desc, path string
		status     int
		want       []string
		absent     []string
	}{
		{desc: "the playground says it", path: "/play", status: 200,
			want: []string{"This site does not run programs", "<code>lanes serve -data DIR</code>", "<code>-data off</code>", `class="play-off"`}, absent: []string{"▶ Run", `class="explore-run"`}},
		{desc: "status", path: "/play/status", status: 200, want: []string{`"build":false`}},
		{desc: "a build is refused, in words", path: "/play/build", status: 404, want: []string{"does not build programs"}},
		{desc: "a shared program's page is a 404 that says why", path: "/p/abcdefghijkl", status: 404,
			want: []string{"Program not found", "This site stores no shared programs", "The lessons work as usual"}},
		{desc: "its embed too", path: "/embed/p/abcdefghijkl", status: 404, want: []string{"This site stores no shared programs"}},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: GET %s = %d, want %d", tt.desc, tt.path, resp.StatusCode, tt.status)
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
