package course

import (
	"net/url"
	"strings"
	"testing"

	"lanes/timeline"
)

func TestMakeSnippets(t *testing.T) {
	s := ViewState{Variant: "buggy", Seed: 7, Theme: timeline.ThemeDark}
	tests := []struct {
		desc  string
		site  string
		slug  string
		title string
		state ViewState
		want  Snippets
	}{
		{desc: "default view", site: "https://lanes.example", slug: "counter", title: "Lanes: Counter", state: ViewState{},
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
		{desc: "at the start: the picture is the whole run", site: "", slug: "counter", title: "C", state: ViewState{T: At(0)},
			want: Snippets{
				Permalink: "/lesson/counter?t=0",
				EmbedURL:  "/embed/counter?t=0",
				SVGURL:    "/svg/counter.svg",
				IFrame:    `<iframe src="/embed/counter?t=0" title="C" width="100%" height="560" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` + EmbedSandbox + `"></iframe>`,
				Markdown:  "[![C](/svg/counter.svg)](/lesson/counter?t=0)",
				Hugo:      `{{< lanes src="/embed/counter?t=0" title="C" height="560" >}}`,
				Jekyll:    `{% include lanes.html src="/embed/counter?t=0" title="C" height="560" %}`,
			}},
		{desc: "mid-run: the picture at its playhead", site: "", slug: "counter", title: "C", state: ViewState{T: At(5)},
			want: Snippets{
				Permalink: "/lesson/counter?t=5",
				EmbedURL:  "/embed/counter?t=5",
				SVGURL:    "/svg/counter.svg?t=5",
				IFrame:    `<iframe src="/embed/counter?t=5" title="C" width="100%" height="560" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` + EmbedSandbox + `"></iframe>`,
				Markdown:  "[![C](/svg/counter.svg?t=5)](/lesson/counter?t=5)",
				Hugo:      `{{< lanes src="/embed/counter?t=5" title="C" height="560" >}}`,
				Jekyll:    `{% include lanes.html src="/embed/counter?t=5" title="C" height="560" %}`,
			}},
		{desc: "an invalid site gives nothing", site: `https://x"><script>`, slug: "counter", state: ViewState{}},
		{desc: "an invalid slug gives nothing", site: "", slug: "../x", state: ViewState{}},
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

// The picture of a view is drawn as the page shows it: its theme, its x
// axis, its playhead and the lesson's tracks (bug 3: "Download SVG"
// dropped the in-flight track the page shows).
func TestPictureOptions(t *testing.T) {
	plain, limits := &Lesson{Slug: "counter"}, &Lesson{Slug: "limits", Tracks: []string{TrackInFlight}}
	tests := []struct {
		desc   string
		lesson *Lesson
		s      ViewState
		want   timeline.ExportOptions
	}{
		{desc: "default view, at the end", lesson: plain, want: timeline.ExportOptions{At: -1}},
		{desc: "dark theme at step 3", lesson: plain, s: ViewState{Theme: timeline.ThemeDark, T: At(3)}, want: timeline.ExportOptions{Theme: timeline.ThemeDark, At: 3}},
		{desc: "step scale", lesson: plain, s: ViewState{Scale: timeline.ScaleStep}, want: timeline.ExportOptions{Scale: timeline.ScaleStep, At: -1}},
		{desc: "a lesson with the in-flight track", lesson: limits, s: ViewState{T: At(0)}, want: timeline.ExportOptions{At: 0, InFlight: true}},
	}
	for _, tt := range tests {
		if got := tt.lesson.PictureOptions(tt.s); got != tt.want {
			t.Errorf("%s: PictureOptions = %+v, want %+v", tt.desc, got, tt.want)
		}
	}
}

func TestPictureName(t *testing.T) {
	tests := []struct {
		desc string
		s    ViewState
		want string
	}{
		{desc: "default view", want: "lanes-counter-seed-1-runtime.svg"},
		{desc: "a variant at a step", s: ViewState{Variant: "buggy", Seed: 7, Strategy: "pct", T: At(12)}, want: "lanes-counter-buggy-seed-7-pct-t-12.svg"},
	}
	for _, tt := range tests {
		if got := PictureName("counter", tt.s, "svg"); got != tt.want {
			t.Errorf("%s: PictureName = %q, want %q", tt.desc, got, tt.want)
		}
	}
}
