package course

import (
	"strconv"
	"strings"

	"lanes/timeline"
)

// DefaultEmbedHeight is the iframe height (px) the snippets use: an embed
// page looks right at it without the auto-height script (the controls and
// the start of the code and timeline show; the rest scrolls inside the
// frame). The script then sizes the frame to the page's natural height.
const DefaultEmbedHeight = 560

// HeightMessage is the "type" of the message an embed page posts to its
// parent window whenever its natural height changes:
//
//	{type: "lanes:height", height: 612, slug: "counter", variant: "buggy"}
//
// height is in CSS px; variant is "" for the lesson's default variant.
const HeightMessage = "lanes:height"

// AutoHeightScript is the one script a host page needs (once, anywhere on
// the page) to size every Lanes iframe (class "lanes-embed") to its
// content. It trusts only messages from its own Lanes frames.
const AutoHeightScript = `<script>
addEventListener("message", function (e) {
  var d = e.data, f = document.querySelectorAll("iframe.lanes-embed");
  if (!d || d.type !== "lanes:height" || typeof d.height !== "number") return;
  for (var i = 0; i < f.length; i++)
    if (f[i].contentWindow === e.source) f[i].style.height = Math.ceil(d.height) + "px";
});
</script>`

// Snippets are the ways to share one view of a lesson.
type Snippets struct {
	Permalink string // the lesson page with the whole view in the query
	EmbedURL  string // the embed page
	SVGURL    string // the picture: /svg/SLUG.svg (a static export has the default views only)
	IFrame    string // plain HTML
	Markdown  string // a picture linking to the lesson (Markdown has no iframes)
	Hugo      string // the lanes shortcode (README: layouts/shortcodes/lanes.html)
	Jekyll    string // the lanes include (README: _includes/lanes.html)
}

// EmbedSandbox is the snippets' sandbox: scripts and same-origin for the
// wasm, popups for the "open in Lanes" link.
const EmbedSandbox = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"

// MakeSnippets builds the snippets for a lesson view. site must satisfy
// ValidSite and slug SlugPattern; every field of a parsed ViewState is
// attribute-safe. title is plain text: it is escaped for each form.
func MakeSnippets(site, slug, title string, s ViewState, height int) Snippets {
	if !ValidSite(site) || !SlugPattern.MatchString(slug) {
		return Snippets{}
	}
	if height <= 0 {
		height = DefaultEmbedHeight
	}
	pic := s
	pic.Autoplay, pic.Minimal, pic.NoCode = false, false, false
	if !pic.T.IsEnd() && pic.T.n == 0 {
		// A still of the start would show the whole run under the
		// caption "start: nothing has happened yet": the picture of an
		// unplayed view is the whole run.
		pic.T = End
	}
	sn := Snippets{
		Permalink: site + s.URL(KindLesson, slug),
		EmbedURL:  site + s.URL(KindEmbed, slug),
		SVGURL:    site + withQuery(PicturePath(slug), pic.Query()),
	}
	t := plainTitle(title)
	h := strconv.Itoa(height)
	sn.IFrame = `<iframe src="` + timeline.EscapeHTML(sn.EmbedURL) + `" title="` + timeline.EscapeHTML(t) +
		`" width="100%" height="` + h + `" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` +
		EmbedSandbox + `"></iframe>`
	var md strings.Builder // t with Markdown's \, [ and ] escaped
	for _, r := range t {
		if r == '\\' || r == '[' || r == ']' {
			md.WriteByte('\\')
		}
		md.WriteRune(r)
	}
	sn.Markdown = "[![" + md.String() + "](" + sn.SVGURL + ")](" + sn.Permalink + ")"
	sn.Hugo = `{{< lanes src="` + sn.EmbedURL + `" title="` + t + `" height="` + h + `" >}}`
	sn.Jekyll = `{% include lanes.html src="` + sn.EmbedURL + `" title="` + t + `" height="` + h + `" %}`
	return sn
}

// plainTitle makes a title safe inside any quoted form: no double quotes,
// braces or control characters, at most 120 runes.
func plainTitle(t string) string {
	t = strings.Map(func(r rune) rune {
		switch {
		case r == '"':
			return '\''
		case r == '{' || r == '}' || r == '%' || r == '<' || r == '>':
			return ' '
		case r < ' ' || r == 0x7f:
			return ' '
		}
		return r
	}, t)
	if r := []rune(t); len(r) > 120 {
		t = string(r[:120])
	}
	return strings.TrimSpace(t)
}

// PictureOptions are the options of the picture of a view at its playhead
// (view.T): what "Download SVG" writes, what /svg/ serves, and what
// `lanes svg -theme T -scale S -t POS [-inflight]` writes for the same
// program, seed and strategy. The in-flight track is there when the
// lesson's page shows it.
func (l *Lesson) PictureOptions(view ViewState) timeline.ExportOptions {
	o := timeline.ExportOptions{At: -1, Theme: view.Theme, Scale: l.ScaleFor(view), InFlight: l.HasTrack(TrackInFlight)}
	if !view.T.IsEnd() {
		o.At = view.T.n
	}
	return o
}

// PictureName is the file name of a downloaded picture of a view at its
// playhead, e.g. "lanes-counter-buggy-seed-1-runtime-t-12.svg".
func PictureName(slug string, view ViewState, ext string) string {
	strategy, seed := view.Schedule()
	n := "lanes-" + slug
	if view.Variant != "" {
		n += "-" + view.Variant
	}
	n += "-seed-" + strconv.FormatInt(seed, 10) + "-" + strategy
	if !view.T.IsEnd() {
		n += "-t-" + strconv.Itoa(view.T.n)
	}
	return n + "." + ext
}
