//go:build !wasm

package main

import (
	"strings"
	"testing"
)

// The prerendered page carries all its CSS inline, the site's and go-app's
// (the loader's): no request blocks the first paint.
func TestStylesInline(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		desc, path string
		want       []string
		absent     []string
	}{
		{desc: "gallery", path: "/", want: []string{"<style>", ".lesson-card", ".goapp-app-info"},
			absent: []string{`href="/web/lanes.css"`, `href="/web/extras.css"`, `href="/app.css"`}},
		{desc: "lesson", path: "/lesson/race-to-exit", want: []string{"<style>", ".explore-run", "--accent", ".goapp-app-info"},
			absent: []string{`href="/web/lanes.css"`, `href="/app.css"`}},
		{desc: "embed", path: "/embed/race-to-exit", want: []string{".goapp-app-info"},
			absent: []string{`href="/app.css"`}},
		{desc: "unknown lesson", path: "/lesson/nope", want: []string{".goapp-app-info"},
			absent: []string{`href="/app.css"`}},
	}
	for _, tt := range tests {
		_, body := get(t, srv, tt.path, nil)
		head, _, _ := strings.Cut(string(body), "</head>")
		for _, w := range tt.want {
			if !strings.Contains(head, w) {
				t.Errorf("%s: the head lacks %q", tt.desc, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(head, a) {
				t.Errorf("%s: the head still has %q", tt.desc, a)
			}
		}
	}
}
