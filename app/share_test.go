package app

import (
	"net/url"
	"strings"
	"testing"

	"lanes/timeline"
)

func TestMakeSnippets(t *testing.T) {
	s := DefaultViewState()
	s.Variant, s.Seed, s.Theme = "buggy", 7, "dark"
	tests := []struct {
		desc  string
		site  string
		slug  string
		title string
		state ViewState
		want  Snippets
	}{
		{desc: "default view", site: "https://lanes.example", slug: "counter", title: "Lanes: Counter", state: DefaultViewState(),
			want: Snippets{
				Permalink: "https://lanes.example/lesson/counter",
				EmbedURL:  "https://lanes.example/embed/counter",
				SVGURL:    "https://lanes.example/svg/counter.svg",
				IFrame:    `<iframe src="https://lanes.example/embed/counter" title="Lanes: Counter" width="100%" height="560" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` + EmbedSandbox + `"></iframe>`,
				Markdown:  "[![Lanes: Counter](https://lanes.example/svg/counter.svg)](https://lanes.example/lesson/counter)",
				Hugo:      `{{< lanes src="https://lanes.example/embed/counter" title="Lanes: Counter" height="560" >}}`,
				Jekyll:    `{% include lanes.html src="https://lanes.example/embed/counter" title="Lanes: Counter" height="560" %}`,
			}},
		{desc: "a view under a sub-path, title with quotes and brackets", site: "/sub", slug: "counter", title: `Say "hi" [now] {{x}}`, state: s,
			want: Snippets{
				Permalink: "/sub/lesson/counter?variant=buggy&seed=7&theme=dark",
				EmbedURL:  "/sub/embed/counter?variant=buggy&seed=7&theme=dark",
				SVGURL:    "/sub/svg/counter.svg?variant=buggy&seed=7&theme=dark",
				IFrame:    `<iframe src="/sub/embed/counter?variant=buggy&amp;seed=7&amp;theme=dark" title="Say &#39;hi&#39; [now]   x" width="100%" height="560" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` + EmbedSandbox + `"></iframe>`,
				Markdown:  `[![Say 'hi' \[now\]   x](/sub/svg/counter.svg?variant=buggy&seed=7&theme=dark)](/sub/lesson/counter?variant=buggy&seed=7&theme=dark)`,
				Hugo:      `{{< lanes src="/sub/embed/counter?variant=buggy&seed=7&theme=dark" title="Say 'hi' [now]   x" height="560" >}}`,
				Jekyll:    `{% include lanes.html src="/sub/embed/counter?variant=buggy&seed=7&theme=dark" title="Say 'hi' [now]   x" height="560" %}`,
			}},
		{desc: "an invalid site gives nothing", site: `https://x"><script>`, slug: "counter", state: DefaultViewState()},
		{desc: "an invalid slug gives nothing", site: "", slug: "../x", state: DefaultViewState()},
	}
	for _, tt := range tests {
		if got := MakeSnippets(tt.site, tt.slug, tt.title, tt.state, 0); got != tt.want {
			t.Errorf("%s: MakeSnippets =\n%+v\nwant\n%+v", tt.desc, got, tt.want)
		}
	}
}

func TestValidSite(t *testing.T) {
	tests := []struct {
		desc string
		site string
		want bool
	}{
		{"empty (relative)", "", true},
		{"origin", "https://lanes.example", true},
		{"origin with port and prefix", "http://localhost:8000/a/b-c", true},
		{"ipv6", "http://[::1]:8000", true},
		{"prefix only", "/lanes", true},
		{"trailing slash", "https://lanes.example/", false},
		{"quote", `https://a"b`, false},
		{"javascript", "javascript:alert(1)", false},
		{"user info", "https://u@lanes.example", false},
		{"query", "https://lanes.example/?x", false},
	}
	for _, tt := range tests {
		if got := ValidSite(tt.site); got != tt.want {
			t.Errorf("%s: ValidSite(%q) = %v, want %v", tt.desc, tt.site, got, tt.want)
		}
	}
}

// Snippets built from any URL's state are safe: nothing from the query
// escapes its attribute or its quoted parameter.
func FuzzSnippets(f *testing.F) {
	for _, s := range []string{"", "variant=fixed&seed=3&t=4&theme=dark&autoplay=1&controls=minimal&code=0", `variant="><script>`, "t=%22"} {
		f.Add(s, "A title")
	}
	f.Fuzz(func(t *testing.T, raw, title string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		s, _ := ParseViewState(q)
		sn := MakeSnippets("https://lanes.example/sub", "counter", title, s, 0)
		if strings.Count(sn.IFrame, "<") != 2 || strings.Count(sn.IFrame, ">") != 2 || strings.Count(sn.IFrame, `"`) != 16 {
			t.Fatalf("iframe HTML broken by %q / %q: %s", raw, title, sn.IFrame)
		}
		for _, form := range []string{sn.Hugo, sn.Jekyll} {
			if strings.Count(form, `"`) != 6 {
				t.Fatalf("quoted parameters broken by %q / %q: %s", raw, title, form)
			}
		}
		for _, u := range []string{sn.Permalink, sn.EmbedURL, sn.SVGURL} {
			if strings.ContainsAny(u, "\"'<> \\") {
				t.Fatalf("URL %q unsafe (from %q)", u, raw)
			}
		}
		back, err := url.Parse(sn.Permalink)
		if err != nil {
			t.Fatalf("permalink %q does not parse: %v", sn.Permalink, err)
		}
		if got, notes := ParseViewState(back.Query()); got != s || len(notes) != 0 {
			t.Fatalf("permalink %q gives %+v %q, want %+v", sn.Permalink, got, notes, s)
		}
	})
}

func TestShareBoxRendered(t *testing.T) {
	slug := CurrentCatalog().Lessons()[0].Slug
	checkPages(t, []pageCase{
		{desc: "lesson page has the Embed dialog and downloads", url: "/lesson/" + slug + "?seed=4&t=3",
			contains: []string{`popovertarget="lanes-share"`, `id="lanes-share"`, `popover="auto"`, "Download SVG", "Download PNG",
				"/embed/" + slug + "?seed=4&amp;amp;t=3", "Hugo shortcode", "Jekyll include"}},
		{desc: "embed page has no dialog but reports its height", url: "/embed/" + slug,
			contains: []string{"lanes-height"}, absent: []string{"lanes-share", "Download SVG"}},
		{desc: "nothing unvalidated in the dialog", url: "/lesson/" + slug + `?variant="><script>x</script>&t=<img>`,
			absent: []string{"<script>x", "<img>", "variant=&amp;#34;", "t=&lt;img"}},
	})
}

// The picture of a view is drawn as the page shows it: its theme and its
// x axis.
func TestPictureOptions(t *testing.T) {
	dark, step := DefaultViewState(), DefaultViewState()
	dark.Theme, step.Scale = "dark", "step"
	tests := []struct {
		desc string
		s    ViewState
		pos  int
		want timeline.ExportOptions
	}{
		{desc: "default view, at the end", s: DefaultViewState(), pos: -1, want: timeline.ExportOptions{At: -1}},
		{desc: "dark theme at step 3", s: dark, pos: 3, want: timeline.ExportOptions{Theme: timeline.ThemeDark, At: 3}},
		{desc: "step scale", s: step, pos: -1, want: timeline.ExportOptions{Scale: timeline.ScaleStep, At: -1}},
	}
	for _, tt := range tests {
		if got := PictureOptions(tt.s, tt.pos); got != tt.want {
			t.Errorf("%s: PictureOptions = %+v, want %+v", tt.desc, got, tt.want)
		}
	}
}
