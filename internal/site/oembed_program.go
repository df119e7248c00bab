package site

import (
	"net/http"
	"net/url"

	"lanes/course"
)

// oEmbed for program pages. /oembed?url=U with U a /p/ID or /embed/p/ID
// page of this server answers as for a lesson: type "rich", html = the
// /embed/p/ID iframe (course.ProgramSnippetsAt, U's view kept), width 720
// or maxwidth, height course.DefaultEmbedHeight or maxheight, and, once
// the program has a still (play_still.go), its picture /svg/p/ID.svg in
// U's view as the thumbnail (none before). An id that no stored
// or -programs program has is a 404 "no such shared program", not kept
// (the program may be shared later). /p/ID and /embed/p/ID pages carry
// the discovery <link> (programDiscovery).

// programOEmbed answers /oembed for the program page u (nil, false when u
// is not a program page: /play or any other path).
func (s *Site) programOEmbed(u *url.URL, site string, width, height int) (*response, bool) {
	kind, id, ok := course.ParseProgramPath(u.Path)
	if !ok || kind == course.KindPlay {
		return nil, false
	}
	if _, ok := s.Play.Source(id); !ok {
		return textResponse(http.StatusNotFound, "no such shared program"), true
	}
	view, _ := course.ParseViewState(u.Query())
	sn := course.ProgramSnippetsAt(site, id, view, height)
	o := OEmbed{Version: "1.0", Type: "rich", Title: course.ProgramTitle, ProviderName: "Lanes",
		ProviderURL: site + "/", HTML: sn.IFrame, Width: width, Height: height}
	if tr, _, ok := s.Play.StillTrace(id); ok && tr != nil {
		o.ThumbnailURL = site + programPictureURL(id, view)
		_, o.ThumbnailWidth, o.ThumbnailHeight = stillSVG(tr, pictureView(view))
	}
	return oembedJSON(o), true
}

// programDiscovery is the oEmbed discovery link of a /p/ID or /embed/p/ID
// page of a stored program ("" for any other path); its url is the /p/ID
// page in the request's view.
func (s *Site) programDiscovery(r *http.Request, origin string) string {
	kind, id, ok := course.ParseProgramPath(r.URL.Path)
	if origin == "" || !ok || kind == course.KindPlay || !s.Play.PageExists(r.URL.Path) {
		return ""
	}
	view, _ := course.ParseViewState(r.URL.Query())
	return discoveryLink(origin, origin+course.ProgramURL(course.KindProgram, id, view))
}
