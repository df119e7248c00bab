//go:build !wasm

package app

import (
	"encoding/json"
	"strings"
	"testing"

	"lanes/sim/trace"
)

// renderStill prerenders a program page with its still, as the server
// does (its OnNav's showStill).
func renderStill(t *testing.T, rawURL string) string {
	t.Helper()
	_, html := renderPlayThen(t, rawURL, (*PlayPage).showStill)
	return html
}

// inlined returns the text of the <script type="application/json"> of id
// in html, and whether there is one.
func inlined(html, id string) (string, bool) {
	_, rest, ok := strings.Cut(html, `<script type="application/json" id="`+id+`">`)
	if !ok {
		return "", false
	}
	text, _, ok := strings.Cut(rest, "</script>")
	return text, ok
}

// TestPlayInline: a program page's prerender inlines its program and its
// still for the app's first render (play_inline.go), as JSON that no
// "</script>" in the program or its output can end; a still too big to
// inline is left to /play/still/ID.json.
func TestPlayInline(t *testing.T) {
	const src = "package main\n\nfunc main() { println(\"</script><script>x\") }\n"
	still := func(out string) *trace.Trace {
		return &trace.Trace{Version: trace.Version, Program: "main.go", Goroutines: []trace.Goroutine{{ID: 1, Name: "main"}}, Outcome: trace.Outcome{Output: out}}
	}
	small, big := still("</script><b>out"), still(strings.Repeat("x", maxInlineStill))
	oldSource, oldStill := ProgramSource, ProgramStill
	defer func() { ProgramSource, ProgramStill = oldSource, oldStill }()
	ProgramSource = func(id string) (string, bool) {
		return src, id == "small" || id == "big" || id == "none" || id == "bad"
	}
	ProgramStill = func(id string) (*trace.Trace, string, bool) {
		switch id {
		case "small":
			return small, "", true
		case "big":
			return big, "", true
		case "bad":
			return nil, "main.go:3:1: it does not compile", true
		}
		return nil, "", false
	}
	tests := []struct {
		desc    string
		url     string
		program bool   // #lanes-program is there
		still   bool   // #lanes-still is there
		message string // #lanes-program's message
	}{
		{desc: "a program with a small still", url: "/p/small", program: true, still: true},
		{desc: "its embed", url: "/embed/p/small?theme=dark", program: true, still: true},
		{desc: "a still too big to inline", url: "/p/big", program: true},
		{desc: "no still yet", url: "/p/none", program: true},
		{desc: "a still that is a message", url: "/p/bad", program: true, message: "main.go:3:1: it does not compile"},
		{desc: "the playground has no program of its own", url: "/play"},
		{desc: "an unknown program", url: "/p/nope"},
	}
	for _, tc := range tests {
		html := renderStill(t, tc.url)
		if strings.Contains(html, "<script>x") || strings.Contains(html, "<b>out") {
			t.Errorf("%s: %s lets the program's text out of its element", tc.desc, tc.url)
		}
		text, ok := inlined(html, inlineProgramID)
		if ok != tc.program {
			t.Errorf("%s: %s inlines the program: %v, want %v", tc.desc, tc.url, ok, tc.program)
		}
		if ok {
			var got inlineProgram
			if err := json.Unmarshal([]byte(text), &got); err != nil || got.Source != src || got.Message != tc.message || !strings.HasSuffix(tc.url[:strings.IndexByte(tc.url+"?", '?')], "/"+got.ID) {
				t.Errorf("%s: %s inlines %+v (%v), want its id, the program and message %q", tc.desc, tc.url, got, err, tc.message)
			}
		}
		text, ok = inlined(html, inlineStillID)
		if ok != tc.still {
			t.Errorf("%s: %s inlines the still: %v, want %v", tc.desc, tc.url, ok, tc.still)
		}
		if ok {
			if tr, err := trace.Unmarshal([]byte(text)); err != nil || tr.Outcome.Output != small.Outcome.Output {
				t.Errorf("%s: %s inlines a still that reads back as %v (%v)", tc.desc, tc.url, tr, err)
			}
		}
	}
}
