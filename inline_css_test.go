//go:build !wasm

package main

import (
	"strings"
	"testing"
)

// The prerendered page carries the site's own CSS inline (nothing of ours
// blocks the first paint); only go-app's /app.css stays a link.
func TestStylesInline(t *testing.T) {
	srv := testServer(t)
	tests := []struct {
		desc, path string
		want       []string
		absent     []string
	}{
		{desc: "gallery", path: "/", want: []string{"<style>", ".lesson-card", `href="/app.css"`},
			absent: []string{`href="/web/lanes.css"`, `href="/web/extras.css"`}},
		{desc: "lesson", path: "/lesson/race-to-exit", want: []string{"<style>", ".explore-run", "--accent"},
			absent: []string{`href="/web/lanes.css"`}},
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
