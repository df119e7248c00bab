package course

import (
	"strings"
	"testing"
)

func TestProgramSnippets(t *testing.T) {
	sn := ProgramSnippets("https://example.org/lanes", "abc-1", ViewState{Seed: 3})
	if sn.Permalink != "https://example.org/lanes/p/abc-1?seed=3" || sn.EmbedURL != "https://example.org/lanes/embed/p/abc-1?seed=3" {
		t.Errorf("links = %q, %q", sn.Permalink, sn.EmbedURL)
	}
	if !strings.Contains(sn.IFrame, `src="https://example.org/lanes/embed/p/abc-1?seed=3"`) || !strings.Contains(sn.IFrame, EmbedSandbox) {
		t.Errorf("iframe = %q", sn.IFrame)
	}
	for _, bad := range []struct{ site, id string }{{"javascript:x", "abc"}, {"https://x.org", "<b>"}, {"https://x.org", ""}} {
		if got := ProgramSnippets(bad.site, bad.id, ViewState{}); got != (Snippets{}) {
			t.Errorf("ProgramSnippets(%q, %q) = %+v, want none", bad.site, bad.id, got)
		}
	}
}

func TestParseProgramPath(t *testing.T) {
	tests := []struct {
		desc, path, kind, id string
		ok                   bool
	}{
		{"play", "/play", KindPlay, "", true},
		{"shared", "/p/Ab3", KindProgram, "Ab3", true},
		{"embed", "/embed/p/my-prog", KindEmbed, "my-prog", true},
		{"empty id", "/p/", "", "", false},
		{"markup", "/p/<b>", "", "", false},
		{"lesson", "/lesson/x", "", "", false},
	}
	for _, tc := range tests {
		kind, id, ok := ParseProgramPath(tc.path)
		if kind != tc.kind || id != tc.id || ok != tc.ok {
			t.Errorf("%s: ParseProgramPath(%q) = %q, %q, %v; want %q, %q, %v", tc.desc, tc.path, kind, id, ok, tc.kind, tc.id, tc.ok)
		}
	}
}

func TestProgramSnippetsAt(t *testing.T) {
	tests := []struct {
		desc   string
		height int
		want   string
	}{
		{desc: "a smaller frame", height: 200, want: `height="200"`},
		{desc: "zero is the default", height: 0, want: `height="560"`},
		{desc: "negative is the default", height: -5, want: `height="560"`},
	}
	for _, tt := range tests {
		sn := ProgramSnippetsAt("https://example.org", "abc", ViewState{}, tt.height)
		if got := sn.IFrame; !strings.Contains(got, tt.want) || !strings.Contains(got, `title="`+ProgramTitle+`"`) {
			t.Errorf("%s: iframe = %q, want %q and the title", tt.desc, got, tt.want)
		}
	}
}
