package course

import "strings"

// The pages' URLs (paths as served, without a static export's prefix):
//
//	/                   the gallery
//	/lesson/SLUG?VIEW   a lesson page (VIEW: ViewState.Query)
//	/embed/SLUG?VIEW    the same view with minimal chrome, for iframes
//	/svg/SLUG.svg?VIEW  the picture of the view (timeline.Export)
//
// PagePath and ViewState.URL write them; ParsePagePath reads them.

// The kinds of lesson pages.
const (
	KindLesson = "lesson"
	KindEmbed  = "embed"
)

// PagePath is the path of a lesson page: "/lesson/SLUG" or "/embed/SLUG".
func PagePath(kind, slug string) string { return "/" + kind + "/" + slug }

// PicturePath is the path of a lesson view's picture: "/svg/SLUG.svg".
func PicturePath(slug string) string { return "/svg/" + slug + ".svg" }

// ParsePagePath reads a lesson or embed page's path. ok is false for any
// other path, and for a slug that does not match SlugPattern.
func ParsePagePath(path string) (kind, slug string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		return "", "", false
	}
	kind, slug, ok = strings.Cut(rest, "/")
	if !ok || kind != KindLesson && kind != KindEmbed || !SlugPattern.MatchString(slug) {
		return "", "", false
	}
	return kind, slug, true
}

// URL is the page of this view: PagePath with the view's query, if any.
func (s ViewState) URL(kind, slug string) string {
	return withQuery(PagePath(kind, slug), s.Query())
}

func withQuery(path, q string) string {
	if q == "" {
		return path
	}
	return path + "?" + q
}
